using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.Organizations;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.Tests.Support;

namespace LiteAspire.Admin.Tests.Organizations;

public class OrganizationDetailTests
{
    private static IRenderedComponent<OrganizationDetail> RenderAcme(AdminTestContext context)
    {
        var cut = context.Render<OrganizationDetail>(p => p.Add(c => c.OrganizationId, OrganizationFixtures.AcmeId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=org-member-row]")));
        return cut;
    }

    [Fact]
    public async Task Organization_Info_ShowsBudgetMembersAndTeams()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/organization/info", OrganizationFixtures.AcmeInfo);

        var cut = RenderAcme(context);

        Assert.Equal(OrganizationFixtures.AcmeId, context.Proxy.To("/organization/info")[0].QueryValue("organization_id"));
        Assert.Equal("Acme Corp", cut.Find("h1").TextContent);
        Assert.Contains("$40.25 / $200.00", cut.Find("[data-testid=organization-spend]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1,000 TPM · 10 RPM", cut.Find("[data-testid=organization-limits]").TextContent, StringComparison.Ordinal);
        var member = cut.Find("[data-testid=org-member-row]").TextContent;
        Assert.Contains("carol", member, StringComparison.Ordinal);
        Assert.Contains("Organization admin", member, StringComparison.Ordinal);
        var team = cut.Find("[data-testid=org-team-row]");
        Assert.Contains("Search", team.TextContent, StringComparison.Ordinal);
        Assert.Equal("/teams/2c328912-c4c4-474d-b58d-1e433c5cad24", team.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AddMember_ByIdAsInternalViewer_SendsTheMemberAndReloads()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/organization/info", OrganizationFixtures.AcmeInfo)
            .On("POST", "/organization/member_add", OrganizationFixtures.MemberAdded);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderAcme(context);

        cut.Find("[data-testid=add-org-member]").Click();
        dialogs.Fill("org-member-user-id", "dave");
        dialogs.Find("[data-testid=org-member-role-internal_user_viewer]").Click();
        dialogs.Submit("org-member-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/organization/member_add")));
        var body = SentJson.BodyOf(context.Proxy, "/organization/member_add");
        Assert.Equal(["member", "organization_id"], SentJson.Names(body));
        Assert.Equal(OrganizationFixtures.AcmeId, body.GetProperty("organization_id").GetString());
        Assert.Equal(["role", "user_id"], SentJson.Names(body.GetProperty("member")));
        Assert.Equal("internal_user_viewer", body.GetProperty("member").GetProperty("role").GetString());
        Assert.Equal("dave", body.GetProperty("member").GetProperty("user_id").GetString());
        dialogs.WaitUntilClosed();
        Assert.Equal(2, context.Proxy.To("/organization/info").Count);
    }

    [Fact]
    public async Task Viewer_SeesNoAddMember_AndTheHandlerRefusesBeforeTheProxy()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdminViewer);
        context.Proxy.On("GET", "/organization/info", OrganizationFixtures.AcmeInfo);
        var cut = RenderAcme(context);

        Assert.Empty(cut.FindAll("[data-testid=add-org-member]"));
        await Assert.ThrowsAsync<ProxyApiException>(() => cut.InvokeAsync(() => cut.Instance.AddMemberAsync(new OrganizationMemberForm { UserId = "dave" })));

        Assert.Empty(context.Proxy.To("/organization/member_add"));
    }

    [Fact]
    public async Task Organization_ProxyDown_SaysItIsUnreachable()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var cut = context.Render<OrganizationDetail>(p => p.Add(c => c.OrganizationId, OrganizationFixtures.AcmeId));

        cut.WaitForAssertion(() => Assert.Contains("unreachable", cut.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
    }
}
