extern alias AppHost;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using LiteAspire.FakeProvider;
using LiteAspire.Hosting;
using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Testing;
using Microsoft.Playwright;

namespace LiteAspire.Admin.Browser.Tests.Support;

/// <summary>
/// The whole system as an operator meets it: the real AppHost (PostgreSQL, Redis, proxy, worker, admin) started with the
/// testing builder, one model served by an in-process fake upstream, and a headless Chromium.
/// </summary>
public sealed class AdminSystem : IAsyncLifetime
{
    /// <summary>The model the proxy serves, backed by the fake upstream.</summary>
    public const string ModelName = "fake-gpt";

    private FakeProviderServer? _upstream;
    private DistributedApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The admin's address.</summary>
    public Uri AdminUrl { get; private set; } = null!;

    /// <summary>The proxy's address.</summary>
    public Uri ProxyUrl { get; private set; } = null!;

    /// <summary>The generated master key.</summary>
    public string MasterKey { get; private set; } = null!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The fake upstream (its request counter shows which calls reached it).</summary>
    public FakeProviderServer Upstream => _upstream!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _upstream = await FakeProviderApp.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost::Program>();
        _app = await builder.StartHealthyAsync("proxy", "worker", "admin");
        AdminUrl = _app.GetEndpoint("admin");
        ProxyUrl = _app.GetEndpoint("proxy");
        MasterKey = _app.Resources.OfType<ParameterResource>().Single(p => p.Name == "master-key").Value;

        using var proxy = ProxyClient(MasterKey);
        using var added = await proxy.PostAsJsonAsync("/model/new", new
        {
            model_name = ModelName,
            litellm_params = new { model = "openai/fake", api_base = new Uri(Upstream.BaseAddress, "v1").ToString(), api_key = "sk-fake-upstream" },
            model_info = new { input_cost_per_token = 0.000002, output_cost_per_token = 0.000008 },
        });
        added.EnsureSuccessStatusCode();

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>An HttpClient for the proxy's API, as <paramref name="key"/>.</summary>
    public HttpClient ProxyClient(string key)
    {
        var client = new HttpClient { BaseAddress = ProxyUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A fresh browser context (no cookies) and page, 1400×900.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = AdminUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in with <paramref name="key"/>, on the page the sign-in lands on.</summary>
    public async Task<IPage> SignedInPageAsync(string key)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByTestId("sign-in-key").FillAsync(key);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
        return page;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }
}

/// <summary>The tests that share one running system.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAdminSystem : ICollectionFixture<AdminSystem>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "admin system";
}
