using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiteAspire.Hosting;
using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Testing;

namespace LiteAspire.EndToEnd.Tests;

/// <summary>The real AppHost model, started with the testing builder on real PostgreSQL and Redis.</summary>
public class AppHostTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AppHost_Started_ServicesHealthyAndAdminReachesProxyThroughServiceDiscovery()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        await using var app = await builder.BuildAsync();
        await app.StartAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);

        foreach (var resource in new[] { "postgres", "litellm", "cache", "proxy", "worker", "admin" })
        {
            await app.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        using var proxy = app.CreateHttpClient("proxy");
        using var readiness = JsonDocument.Parse(await proxy.GetStringAsync("/health/readiness"));
        Assert.Equal("connected", readiness.RootElement.GetProperty("db").GetString());
        Assert.Equal("redis", readiness.RootElement.GetProperty("cache").GetString());
        Assert.Equal("\"I'm alive!\"", await proxy.GetStringAsync("/health/liveliness"));

        using var worker = app.CreateHttpClient("worker");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode);

        // The admin only knows the proxy as http://proxy; service discovery resolves it from services__proxy__http__0.
        // Its pages and API are for signed-in operators: sign in with the master key, as the sign-in form does.
        var masterKey = app.Resources.OfType<ParameterResource>().Single(p => p.Name == "master-key").Value;
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.GetEndpoint("admin") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync(new Uri("/api/proxy-status", UriKind.Relative))).StatusCode);
        var signIn = await admin.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = Regex.Match(signIn, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "sign-in", ["Input.Key"] = masterKey,
        });
        (await admin.PostAsync(new Uri("/login", UriKind.Relative), form)).EnsureSuccessStatusCode();

        using var status = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/proxy-status", UriKind.Relative)));
        Assert.True(status.RootElement.GetProperty("reachable").GetBoolean());
        Assert.Equal("http://proxy", status.RootElement.GetProperty("base_address").GetString());
        Assert.Equal("connected", status.RootElement.GetProperty("readiness").GetProperty("db").GetString());
        Assert.Equal("redis", status.RootElement.GetProperty("readiness").GetProperty("cache").GetString());

        var page = await admin.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("data-testid=\"proxy-status\"", page, StringComparison.Ordinal);
        Assert.Contains("connected", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppHost_TestingBuilder_UsesFreshStateAndFreePorts()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        await using var app = await builder.BuildAsync();

        Assert.StartsWith(Path.GetTempPath(), app.StateDirectory, StringComparison.Ordinal);
        Assert.True(builder.Options.RandomizePorts);
        Assert.Equal(
            ["master-key", "postgres", "postgres-password", "litellm", "cache", "cache-password", "proxy", "worker", "admin"],
            app.Resources.Select(r => r.Name));
    }
}
