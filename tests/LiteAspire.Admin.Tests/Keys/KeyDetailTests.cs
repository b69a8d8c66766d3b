using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.Keys;
using LiteAspire.Admin.Tests.Support;

namespace LiteAspire.Admin.Tests.Keys;

public class KeyDetailTests
{
    [Fact]
    public async Task KeyDetail_ShowsTheKeysInfo()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.InternalUser, userId: "alice");
        context.Proxy.On("GET", "/key/info", KeyFixtures.KeyInfo);

        var page = context.Render<KeyDetail>(p => p.Add(d => d.Token, KeyFixtures.CiBotToken));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=key-detail]")));
        Assert.Equal(KeyFixtures.CiBotToken, Assert.Single(context.Proxy.To("/key/info")).QueryValue("key"));
        Assert.Contains("Key ci-bot", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal(KeyFixtures.CiBotToken, page.Find("[data-testid=key-hash]").TextContent);
        var text = page.Find("[data-testid=key-detail]").TextContent;
        Assert.Contains("sk-...YcZQ", text, StringComparison.Ordinal);
        Assert.Contains("team-research", text, StringComparison.Ordinal);
        Assert.Contains("every 30d, next 2027-01-01 00:00 UTC", text, StringComparison.Ordinal);
        Assert.Contains("1,000", text, StringComparison.Ordinal);
        Assert.Contains("\"env\": \"ci\"", page.Find("[data-testid=key-metadata]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyDetail_UnknownKey_ShowsTheProxysMessage()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/key/info", """{"error":{"message":"Key not found: abc","type":"not_found_error","param":"key","code":"404"}}""", 404);

        var page = context.Render<KeyDetail>(p => p.Add(d => d.Token, "abc"));

        page.WaitForAssertion(() => Assert.Contains("The proxy answered 404: Key not found: abc", page.Find("[data-testid=page-error]").TextContent,
            StringComparison.Ordinal));
    }
}
