using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LiteAspire.Admin.Tests.Support;

namespace LiteAspire.Admin.Tests.Sso;

/// <summary>Single sign-on through OpenID Connect: the whole redirect dance with a real provider and proxy on loopback ports.</summary>
public partial class SsoSignInTests
{
    [Fact]
    public async Task Viewer_SignsInWithSso_AndTheNextProxyCallCarriesTheSessionKey()
    {
        await using var sso = await SsoHarness.StartAsync();
        sso.Proxy.Users.Enqueue(new FakeProxyUser("alice", "Alice@Example.com", "proxy_admin_viewer"));

        var callback = await sso.SignInAsync(new FakeAccount("sub-alice", "alice@example.com"), "/");
        var continuePage = await sso.Browser.GetStringAsync(new Uri(SsoHarness.Target(callback), UriKind.Relative));
        var overview = await sso.Browser.GetAsync(new Uri("/", UriKind.Relative));
        var html = await overview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/login/sso/continue?returnUrl=%2F", SsoHarness.Target(callback));
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0;url=/\">", continuePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Alice@Example.com · Admin viewer", html, StringComparison.Ordinal);

        // The user was found with the dashboard's service key: by subject first, then by email.
        var lookups = sso.Proxy.To("/user/list");
        Assert.All(lookups, r => Assert.Equal(SsoHarness.ServiceKey, r.BearerKey));
        Assert.Contains("sso_user_ids=sub-alice", lookups[0].Query, StringComparison.Ordinal);
        Assert.Contains("user_email=alice%40example.com", lookups[1].Query, StringComparison.Ordinal);

        // One UI session key of alice, on LiteLLM's dashboard team, for the cookie's lifetime.
        var generate = Assert.Single(sso.Proxy.To("/key/generate"));
        Assert.Equal(SsoHarness.ServiceKey, generate.BearerKey);
        var body = JsonNode.Parse(generate.Body)!;
        Assert.Equal("alice", body["user_id"]!.GetValue<string>());
        Assert.Equal("litellm-dashboard", body["team_id"]!.GetValue<string>());
        Assert.Equal("8h", body["duration"]!.GetValue<string>());
        Assert.Equal("oidc", body["metadata"]!["liteaspire_ui_session"]!.GetValue<string>());
        var sessionKey = Assert.Single(sso.Proxy.GeneratedKeys.Keys);

        // The proxy confirmed the key, and the overview's calls were made with it: the proxy enforces alice's role.
        Assert.Contains(sso.Proxy.To("/auth/me"), r => r.BearerKey == sessionKey);
        var overviewCalls = sso.Proxy.Requests.Where(r => r.Path is "/key/list" or "/team/list" or "/global/spend/models").ToList();
        Assert.NotEmpty(overviewCalls);
        Assert.All(overviewCalls, r => Assert.Equal(sessionKey, r.BearerKey));
        Assert.DoesNotContain(sessionKey, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkedUser_IsFoundBySubject_WhateverTheEmail()
    {
        await using var sso = await SsoHarness.StartAsync();
        sso.Proxy.Users.Enqueue(new FakeProxyUser("bob", "bob@old.example", "internal_user", SsoUserId: "sub-bob"));

        var callback = await sso.SignInAsync(new FakeAccount("sub-bob", "robert@new.example"), "/keys");
        var signedIn = await sso.Browser.GetAsync(new Uri("/api/proxy-status", UriKind.Relative));

        Assert.Equal("/login/sso/continue?returnUrl=%2Fkeys", SsoHarness.Target(callback));
        Assert.Single(sso.Proxy.To("/user/list"));
        Assert.Equal("bob", JsonNode.Parse(Assert.Single(sso.Proxy.To("/key/generate")).Body)!["user_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task UnknownEmail_IsRefused_WithTheMessage()
    {
        await using var sso = await SsoHarness.StartAsync();
        sso.Proxy.Users.Enqueue(new FakeProxyUser("carol", "carol@example.com", "proxy_admin"));
        sso.Proxy.Users.Enqueue(new FakeProxyUser("dave", "xdave@example.com", "proxy_admin"));

        var callback = await sso.SignInAsync(new FakeAccount("sub-dave", "dave@example.com"));
        var login = await sso.Browser.GetStringAsync(new Uri(SsoHarness.Target(callback), UriKind.Relative));

        Assert.Equal("/login?sso=no-user", SsoHarness.Target(callback));
        Assert.Contains("no LiteLLM user matches your account", login, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sign-in-sso-error\"", login, StringComparison.Ordinal);
        Assert.Empty(sso.Proxy.To("/key/generate"));
        await AssertSignedOutAsync(sso);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("team")]
    public async Task RefusedRole_IsRefused_WithTheMessage(string role)
    {
        await using var sso = await SsoHarness.StartAsync();
        sso.Proxy.Users.Enqueue(new FakeProxyUser("erin", "erin@example.com", role));

        var callback = await sso.SignInAsync(new FakeAccount("sub-erin", "erin@example.com"));
        var login = await sso.Browser.GetStringAsync(new Uri(SsoHarness.Target(callback), UriKind.Relative));

        Assert.Equal("/login?sso=role", SsoHarness.Target(callback));
        Assert.Contains("your LiteLLM role cannot use the dashboard", login, StringComparison.Ordinal);
        Assert.Empty(sso.Proxy.To("/key/generate"));
        await AssertSignedOutAsync(sso);
    }

    [Fact]
    public async Task UnverifiedEmail_IsNotMatched()
    {
        await using var sso = await SsoHarness.StartAsync();
        sso.Proxy.Users.Enqueue(new FakeProxyUser("frank", "frank@example.com", "proxy_admin"));

        var callback = await sso.SignInAsync(new FakeAccount("sub-frank", "frank@example.com", EmailVerified: false));

        Assert.Equal("/login?sso=no-user", SsoHarness.Target(callback));
        Assert.Empty(sso.Proxy.To("/key/generate"));
    }

    [Fact]
    public async Task EmailOfAUserLinkedToAnotherAccount_IsRefused()
    {
        await using var sso = await SsoHarness.StartAsync();
        sso.Proxy.Users.Enqueue(new FakeProxyUser("grace", "grace@example.com", "proxy_admin", SsoUserId: "sub-real-grace"));

        var callback = await sso.SignInAsync(new FakeAccount("sub-someone-else", "grace@example.com"));
        var login = await sso.Browser.GetStringAsync(new Uri(SsoHarness.Target(callback), UriKind.Relative));

        Assert.Equal("/login?sso=other-account", SsoHarness.Target(callback));
        Assert.Contains("linked to another single sign-on account", login, StringComparison.Ordinal);
        Assert.Empty(sso.Proxy.To("/key/generate"));
    }

    [Fact]
    public async Task SsoButton_AppearsOnlyWhenConfigured_AndKeepsTheReturnUrl()
    {
        await using var configured = await SsoHarness.StartAsync();
        await using var plain = await SsoHarness.StartAsync(configured: false);

        var withSso = await configured.Browser.GetStringAsync(new Uri("/login?ReturnUrl=%2Fteams", UriKind.Relative));
        var withoutSso = await plain.Browser.GetStringAsync(new Uri("/login", UriKind.Relative));
        var start = await plain.Browser.GetAsync(new Uri("/login/sso", UriKind.Relative));

        Assert.Contains("data-testid=\"sign-in-sso\"", withSso, StringComparison.Ordinal);
        Assert.Contains("href=\"/login/sso?returnUrl=%2Fteams\"", withSso, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sign-in-key\"", withSso, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-in-sso", withoutSso, StringComparison.Ordinal);
        Assert.DoesNotContain(plain.Provider.Issuer, start.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Empty(plain.Provider.AuthorizeRequests);
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    public async Task ReturnUrlElsewhere_EndsAtTheOverview(string returnUrl)
    {
        await using var sso = await SsoHarness.StartAsync();
        sso.Proxy.Users.Enqueue(new FakeProxyUser("heidi", "heidi@example.com", "proxy_admin"));

        var callback = await sso.SignInAsync(new FakeAccount("sub-heidi", "heidi@example.com"), returnUrl);
        var continuePage = await sso.Browser.GetStringAsync(new Uri(
            $"/login/sso/continue?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));

        Assert.Equal("/login/sso/continue?returnUrl=%2F", SsoHarness.Target(callback));
        Assert.Contains("content=\"0;url=/\"", continuePage, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", continuePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_ShowsTheFixedMessageOfACode_NeverTextFromTheQuery()
    {
        await using var sso = await SsoHarness.StartAsync();

        var page = await sso.Browser.GetStringAsync(new Uri("/login?sso=%3Cb%3EPay%20here%3C%2Fb%3E", UriKind.Relative));

        Assert.Contains("Single sign-on failed. Try again, or sign in with a key.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pay here", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderRefusal_ComesBackAsCancelled()
    {
        await using var sso = await SsoHarness.StartAsync();
        var start = await sso.Browser.GetAsync(new Uri("/login/sso", UriKind.Relative));
        var state = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.Query)["state"];

        var callback = await sso.Browser.GetAsync(new Uri(
            $"/signin-oidc?error=access_denied&error_description=%3Cscript%3E&state={Uri.EscapeDataString(state!)}", UriKind.Relative));

        Assert.Equal("/login?sso=cancelled", SsoHarness.Target(callback));
        await AssertSignedOutAsync(sso);
    }

    [Fact]
    public async Task ForgedCallback_WithoutTheSignInsState_IsRefused()
    {
        await using var sso = await SsoHarness.StartAsync();
        sso.Proxy.Users.Enqueue(new FakeProxyUser("ivan", "ivan@example.com", "proxy_admin"));
        sso.Provider.NextAccount = new FakeAccount("sub-ivan", "ivan@example.com");

        // The attacker's own sign-in at the provider, replayed into a browser that never started one.
        using var attacker = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var attackerStart = await sso.Admin.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri("/login/sso", UriKind.Relative));
        var authorize = await attacker.GetAsync(attackerStart.Headers.Location);
        var callback = await sso.Browser.GetAsync(authorize.Headers.Location);

        Assert.Equal("/login?sso=failed", SsoHarness.Target(callback));
        Assert.Empty(sso.Proxy.To("/key/generate"));
        await AssertSignedOutAsync(sso);
    }

    [Fact]
    public async Task SignOut_AfterSso_DeletesTheSessionKey()
    {
        await using var sso = await SsoHarness.StartAsync();
        sso.Proxy.Users.Enqueue(new FakeProxyUser("judy", "judy@example.com", "proxy_admin"));
        await sso.SignInAsync(new FakeAccount("sub-judy", "judy@example.com"));
        var sessionKey = Assert.Single(sso.Proxy.GeneratedKeys.Keys);
        var page = await sso.Browser.GetStringAsync(new Uri("/", UriKind.Relative));
        var token = AntiforgeryToken().Match(page).Groups[1].Value;

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var signOut = await sso.Browser.PostAsync(new Uri("/logout", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var delete = Assert.Single(sso.Proxy.To("/key/delete"));
        Assert.Equal(SsoHarness.ServiceKey, delete.BearerKey);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionKey))),
            JsonNode.Parse(delete.Body)!["keys"]![0]!.GetValue<string>());
        Assert.DoesNotContain(sessionKey, delete.Body, StringComparison.Ordinal);
        Assert.Empty(sso.Proxy.GeneratedKeys);
        await AssertSignedOutAsync(sso);
    }

    [Fact]
    public async Task KeySignOut_DeletesNoKey()
    {
        await using var proxy = await FakeProxy.StartAsync(200, "{}", new Dictionary<string, string> { ["sk-own-key"] = "proxy_admin_viewer" });
        await using var admin = new AdminFactory(new Dictionary<string, string?> { ["services:proxy:http:0"] = proxy.BaseUrl, ["LITELLM_MASTER_KEY"] = SsoHarness.ServiceKey });
        var browser = admin.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInForm.PostAsync(browser, "sk-own-key");
        var page = await browser.GetStringAsync(new Uri("/", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value });

        var signOut = await browser.PostAsync(new Uri("/logout", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Empty(proxy.To("/key/delete"));
    }

    [Fact]
    public void HalfConfigured_RefusesToStart_SayingWhatIsMissing()
    {
        using var admin = new AdminFactory(new Dictionary<string, string?> { ["Admin:Oidc:Authority"] = "https://idp.example" });

        var error = Assert.ThrowsAny<Exception>(() => admin.CreateClient());

        Assert.Contains("Admin:Oidc:Authority and Admin:Oidc:ClientId", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task AssertSignedOutAsync(SsoHarness sso)
    {
        var response = await sso.Browser.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
