using System.Text.Json;
using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.Organizations;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.Tests.Support;
using LiteAspire.Admin.Tests.Teams;

namespace LiteAspire.Admin.Tests.Organizations;

public class OrganizationListTests
{
    private static AdminTestContext Admin()
    {
        var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/organization/list", OrganizationFixtures.List).On("GET", "/v1/models", TeamFixtures.Models);
        return context;
    }

    private static IRenderedComponent<OrganizationList> RenderList(AdminTestContext context)
    {
        var cut = context.Render<OrganizationList>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=organization-row]").Count));
        return cut;
    }

    [Fact]
    public async Task Organizations_ProxyListsTwo_ShowsBudgetsLimitsAndCounts()
    {
        await using var context = Admin();

        var cut = RenderList(context);

        var rows = cut.FindAll("[data-testid=organization-row]");
        var acme = rows[0].TextContent;
        Assert.Contains("Acme Corp", acme, StringComparison.Ordinal);
        Assert.Contains("$40.25 / $200.00", acme, StringComparison.Ordinal);
        Assert.Contains("30d", acme, StringComparison.Ordinal);
        Assert.Contains("1,000 TPM · 10 RPM", acme, StringComparison.Ordinal);
        Assert.Contains("fake-gpt", acme, StringComparison.Ordinal);
        var cells = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "1"], cells.Skip(5).Take(2));
        Assert.Equal($"/organizations/{OrganizationFixtures.AcmeId}", rows[0].QuerySelector("[data-testid=organization-link]")!.GetAttribute("href"));
        Assert.Contains("Globex", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("All models", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Single(context.Proxy.Requests);
    }

    [Fact]
    public async Task CreateOrganization_FormFilled_SendsItAndReloadsTheList()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/organization/new", OrganizationFixtures.Created);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.Find("[data-testid=create-organization]").Click();
        dialogs.Fill("organization-alias", "Initech");
        dialogs.Fill("organization-max-budget", "75.5");
        dialogs.Fill("organization-rpm", "20");
        dialogs.Submit("organization-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/organization/new")));
        var body = SentJson.BodyOf(context.Proxy, "/organization/new");
        Assert.Equal(["max_budget", "models", "organization_alias", "rpm_limit"], SentJson.Names(body));
        Assert.Equal("Initech", body.GetProperty("organization_alias").GetString());
        Assert.Equal(75.5, body.GetProperty("max_budget").GetDouble());
        Assert.Equal(20, body.GetProperty("rpm_limit").GetInt64());
        dialogs.WaitUntilClosed();
        Assert.Equal(2, context.Proxy.To("/organization/list").Count);
    }

    [Fact]
    public async Task EditOrganization_LimitCleared_SendsTheFormWithTheLimitAsNull()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/organization/update", OrganizationFixtures.Updated);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.FindAll("[data-testid=organization-row]")[0].QuerySelector("[data-testid=edit-organization]")!.Click();
        Assert.Equal("Acme Corp", dialogs.Find("[data-testid=organization-alias]").GetAttribute("value"));
        dialogs.Fill("organization-tpm", "");
        dialogs.Submit("organization-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/organization/update")));
        var body = SentJson.BodyOf(context.Proxy, "/organization/update");
        Assert.Equal(["budget_duration", "max_budget", "models", "organization_alias", "organization_id", "rpm_limit", "tpm_limit"], SentJson.Names(body));
        Assert.Equal(OrganizationFixtures.AcmeId, body.GetProperty("organization_id").GetString());
        Assert.Equal(200, body.GetProperty("max_budget").GetDouble());
        Assert.Equal("30d", body.GetProperty("budget_duration").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("tpm_limit").ValueKind);
        Assert.Equal(10, body.GetProperty("rpm_limit").GetInt64());
        Assert.Equal(["fake-gpt"], body.GetProperty("models").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task DeleteOrganization_Confirmed_SendsItsIdAndReloads()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/organization/delete", "[" + OrganizationFixtures.Created + "]");
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.FindAll("[data-testid=organization-row]")[1].QuerySelector("[data-testid=delete-organization]")!.Click();
        Assert.Empty(context.Proxy.To("/organization/delete"));
        dialogs.Press("Delete");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/organization/delete")));
        var body = SentJson.BodyOf(context.Proxy, "/organization/delete");
        Assert.Equal([OrganizationFixtures.GlobexId], body.GetProperty("organization_ids").EnumerateArray().Select(e => e.GetString()));
        cut.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/organization/list").Count));
    }

    [Fact]
    public async Task DeleteOrganization_TeamsStillInIt_WarnsAndShowsTheProxysRefusal()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/organization/delete", OrganizationFixtures.DeleteRefused, 400);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.FindAll("[data-testid=organization-row]")[0].QuerySelector("[data-testid=delete-organization]")!.Click();
        Assert.Contains("Teams still belong to it (1)", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        dialogs.Press("Delete");

        cut.WaitForAssertion(() => Assert.Contains("teams still belong to it: 2c328912-c4c4-474d-b58d-1e433c5cad24 (Search)",
            cut.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteOrganization_Cancelled_SendsNothing()
    {
        await using var context = Admin();
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.FindAll("[data-testid=organization-row]")[1].QuerySelector("[data-testid=delete-organization]")!.Click();
        dialogs.Press("Cancel");

        dialogs.WaitUntilClosed();
        Assert.Empty(context.Proxy.To("/organization/delete"));
    }

    [Fact]
    public async Task Viewer_SeesOrganizationsWithoutChangeButtons_AndTheHandlersRefuseBeforeTheProxy()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdminViewer);
        context.Proxy.On("GET", "/organization/list", OrganizationFixtures.List);
        var cut = RenderList(context);

        Assert.Empty(cut.FindAll("[data-testid=create-organization]"));
        Assert.Empty(cut.FindAll("[data-testid=edit-organization]"));
        Assert.Empty(cut.FindAll("[data-testid=delete-organization]"));
        await Assert.ThrowsAsync<ProxyApiException>(() => cut.InvokeAsync(() => cut.Instance.CreateAsync(new OrganizationForm { Alias = "x" })));
        await Assert.ThrowsAsync<ProxyApiException>(() => cut.InvokeAsync(() => cut.Instance.UpdateAsync(OrganizationFixtures.AcmeId, new OrganizationForm { Alias = "x" })));
        await cut.InvokeAsync(() => cut.Instance.DeleteAsync(new OrganizationRow(OrganizationFixtures.GlobexId, "Globex", 0, null, null, null, null, [], 0, 0)));

        Assert.Contains("cannot delete organizations", cut.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        Assert.All(context.Proxy.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Organizations_NoneYet_ShowsTheEmptyState()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/organization/list", "[]");

        var cut = context.Render<OrganizationList>();

        cut.WaitForAssertion(() => Assert.Contains("No organizations yet", cut.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organizations_ProxyDown_SaysItIsUnreachable()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var cut = context.Render<OrganizationList>();

        cut.WaitForAssertion(() => Assert.Contains("unreachable", cut.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
    }
}
