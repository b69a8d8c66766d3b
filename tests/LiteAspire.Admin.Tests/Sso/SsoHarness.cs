using LiteAspire.Admin.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LiteAspire.Admin.Tests.Sso;

/// <summary>
/// The admin (in memory) configured for single sign-on with a <see cref="FakeOpenIdProvider"/>, in front of a
/// <see cref="FakeProxy"/>; a "browser" of two HttpClients (admin and provider) that follows the redirects by hand.
/// </summary>
internal sealed class SsoHarness : IAsyncDisposable
{
    public const string ServiceKey = "sk-dashboard-service";

    private SsoHarness(FakeProxy proxy, FakeOpenIdProvider provider, AdminFactory admin)
    {
        Proxy = proxy;
        Provider = provider;
        Admin = admin;
        Browser = admin.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        ProviderBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
    }

    public FakeProxy Proxy { get; }

    public FakeOpenIdProvider Provider { get; }

    public AdminFactory Admin { get; }

    /// <summary>The browser's requests to the admin (cookies kept).</summary>
    public HttpClient Browser { get; }

    /// <summary>The browser's requests to the provider.</summary>
    public HttpClient ProviderBrowser { get; }

    public static async Task<SsoHarness> StartAsync(bool configured = true)
    {
        var proxy = await FakeProxy.StartAsync(200, """{"status":"connected","db":"connected","cache":null,"litellm_version":"0.1.0","success_callbacks":[],"last_updated":"2026-12-08T00:00:00+00:00"}""");
        var provider = await FakeOpenIdProvider.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["services:proxy:http:0"] = proxy.BaseUrl,
            ["LITELLM_MASTER_KEY"] = ServiceKey,
        };
        if (configured)
        {
            settings["Admin:Oidc:Authority"] = provider.Issuer;
            settings["Admin:Oidc:ClientId"] = FakeOpenIdProvider.ClientId;
            settings["Admin:Oidc:ClientSecret"] = FakeOpenIdProvider.ClientSecret;
            settings["Admin:Oidc:RequireHttpsMetadata"] = "false";
        }

        return new SsoHarness(proxy, provider, new AdminFactory(settings));
    }

    /// <summary>
    /// Clicks "Sign in with single sign-on" (<c>/login/sso?returnUrl=</c>), lets the provider sign <paramref name="account"/>
    /// in, and returns the admin's answer to the provider's redirect back (the callback).
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(FakeAccount account, string returnUrl = "/")
    {
        Provider.NextAccount = account;
        var start = await Browser.GetAsync(new Uri($"/login/sso?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith($"{Provider.Issuer}/authorize?", start.Headers.Location!.ToString(), StringComparison.Ordinal);

        var authorize = await ProviderBrowser.GetAsync(start.Headers.Location);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith("http://localhost/signin-oidc?", authorize.Headers.Location!.ToString(), StringComparison.Ordinal);

        return await Browser.GetAsync(authorize.Headers.Location);
    }

    /// <summary>The path and query a redirect points at.</summary>
    public static string Target(HttpResponseMessage redirect) => new Uri(new Uri("http://localhost"), redirect.Headers.Location!).PathAndQuery;

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        ProviderBrowser.Dispose();
        await Admin.DisposeAsync();
        await Provider.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
