using System.Net;
using System.Text.Json;
using LiteAspire.Admin.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LiteAspire.Admin.Tests;

/// <summary>The real admin server, signed in over HTTP as a browser would, in front of a fake proxy on a real port.</summary>
public class SignInAndProxyStatusTests
{
    private const string MasterKey = "sk-test-master";
    private const string ViewerKey = "sk-test-viewer";
    private const string InternalKey = "sk-test-internal";
    private const string CustomerKey = "sk-test-customer";

    private const string ConnectedReadiness = """
        {"status":"connected","db":"connected","cache":"redis","litellm_version":"0.1.0","success_callbacks":[],"last_updated":"2026-11-25T10:00:00+00:00"}
        """;

    private static readonly Dictionary<string, string> Roles = new()
    {
        [MasterKey] = "proxy_admin",
        [ViewerKey] = "proxy_admin_viewer",
        [InternalKey] = "internal_user",
        [CustomerKey] = "customer",
    };

    private static readonly string[] EveryPage =
        ["/", "/keys", "/teams", "/users", "/organizations", "/end-users", "/budgets", "/models", "/spend-logs", "/usage", "/playground", "/settings"];

    private static AdminFactory AdminPointingAt(string proxyUrl, string? masterKey = null, string key = "services:proxy:http:0") =>
        new(new Dictionary<string, string?> { [key] = proxyUrl, ["LITELLM_MASTER_KEY"] = masterKey });

    private static string PathOf(HttpResponseMessage redirect) => new Uri(new Uri("http://localhost"), redirect.Headers.Location!).AbsolutePath;

    private static HttpClient Browser(AdminFactory admin) =>
        admin.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task SignedOutVisitor_EveryPageRedirectsToSignIn_AndTheApiRefuses()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);

        foreach (var path in EveryPage)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/login?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var api = await client.GetAsync(new Uri("/api/proxy-status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(string.Empty, await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MasterKey_SignsIn_AndTheOverviewShowsTheProxysStatusInTheFirstResponse()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);

        var signIn = await SignInForm.PostAsync(client, MasterKey);
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", PathOf(signIn));
        Assert.Contains("admin (master key) · Admin", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"proxy-db\">connected<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"proxy-cache\">redis<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"proxy-version\">0.1.0<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(MasterKey, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sk-unknown", "not valid")]
    [InlineData(CustomerKey, "role (customer) cannot use the dashboard")]
    public async Task RefusedKey_StaysSignedOut_WithTheReason(string key, string reason)
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);

        var signIn = await SignInForm.PostAsync(client, key);
        var page = await signIn.Content.ReadAsStringAsync();
        var after = await client.GetAsync(new Uri("/keys", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.DoesNotContain(key, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-in", ["Input.Key"] = MasterKey });

        var response = await client.PostAsync(new Uri("/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefused_AndWithItEndsTheSession()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);
        await SignInForm.PostAsync(client, MasterKey);

        using var empty = new FormUrlEncodedContent([]);
        var forged = await client.PostAsync(new Uri("/logout", UriKind.Relative), empty);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var overview = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(overview, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signOut = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var response = await client.PostAsync(new Uri("/logout", UriKind.Relative), signOut);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlElsewhere_IsIgnored()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);

        var local = await SignInForm.PostAsync(client, MasterKey, "/keys");
        var offsite = await SignInForm.PostAsync(Browser(admin), MasterKey, "//evil.example/steal");

        Assert.Equal("/keys", PathOf(local));
        Assert.Equal("http://localhost/", offsite.Headers.Location!.ToString());
    }

    [Fact]
    public async Task InternalUser_IsDeniedAdminPages_ButReachesTheirOwn()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);
        await SignInForm.PostAsync(client, InternalKey);

        foreach (var path in new[] { "/", "/teams", "/users", "/models", "/settings" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/keys", "/spend-logs", "/usage", "/playground" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task Viewer_ReachesTheAdminPages()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);
        await SignInForm.PostAsync(client, ViewerKey);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Admin viewer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyDown_OverviewSaysUnreachableWithTheReason_WhileTheAdminStaysHealthy()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);
        await SignInForm.PostAsync(client, MasterKey);
        await proxy.DisposeAsync();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Contains("data-testid=\"proxy-status\">unreachable<", html, StringComparison.Ordinal);
        Assert.Contains("Connection refused", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"page-error\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ProxyAnswers503_OverviewSaysUnhealthyWithTheProxysMessage()
    {
        await using var proxy = await FakeProxy.StartAsync(503,
            """{"error":{"message":"Service Unhealthy (database not reachable)","type":"no_db_connection","param":null,"code":"503"}}""", Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl);
        var client = Browser(admin);
        await SignInForm.PostAsync(client, MasterKey);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("data-testid=\"proxy-status\">unhealthy<", html, StringComparison.Ordinal);
        Assert.Contains("The proxy answered 503: Service Unhealthy (database not reachable)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyStatusApi_SignedIn_Returns200WithWhatTheProxySaid_AndSendsTheConfiguredKey()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl, masterKey: "sk-admin-service");
        var client = Browser(admin);
        await SignInForm.PostAsync(client, MasterKey);

        var response = await client.GetAsync(new Uri("/api/proxy-status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("reachable").GetBoolean());
        Assert.Equal("http://proxy", body.RootElement.GetProperty("base_address").GetString());
        Assert.Equal("redis", body.RootElement.GetProperty("readiness").GetProperty("cache").GetString());
        Assert.Equal("Bearer sk-admin-service", proxy.LastAuthorization);
    }

    [Fact]
    public async Task ProxyBaseUrl_NoServiceDiscoveryEntry_PointsHttpProxyAtIt()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness, Roles);
        await using var admin = AdminPointingAt(proxy.BaseUrl, key: "PROXY_BASE_URL");
        var client = Browser(admin);

        var signIn = await SignInForm.PostAsync(client, MasterKey);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/proxy-status", UriKind.Relative))).StatusCode);
    }
}
