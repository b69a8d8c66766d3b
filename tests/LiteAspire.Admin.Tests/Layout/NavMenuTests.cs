using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Layout;
using LiteAspire.Admin.Tests.Support;

namespace LiteAspire.Admin.Tests.Layout;

public class NavMenuTests
{
    private static readonly string[] AdminPages = ["/", "/teams", "/users", "/organizations", "/end-users", "/budgets", "/models", "/settings"];
    private static readonly string[] EveryonesPages = ["/keys", "/spend-logs", "/usage", "/playground"];

    [Theory]
    [InlineData(AdminRoles.ProxyAdmin)]
    [InlineData(AdminRoles.ProxyAdminViewer)]
    public void AdminRoles_SeeEveryPage(string role)
    {
        using var context = new AdminTestContext();
        context.SignInAs(role);

        var links = Links(context.Render<NavMenu>());

        Assert.Equal(AdminPages.Concat(EveryonesPages).Order(), links.Order());
    }

    [Theory]
    [InlineData(AdminRoles.InternalUser)]
    [InlineData(AdminRoles.InternalUserViewer)]
    public void InternalUsers_SeeOnlyTheirOwnPages(string role)
    {
        using var context = new AdminTestContext();
        context.SignInAs(role);

        var links = Links(context.Render<NavMenu>());

        Assert.Equal(EveryonesPages.Order(), links.Order());
    }

    private static IEnumerable<string> Links(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a[href]").Select(a => a.GetAttribute("href")!);
}
