using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.Teams;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Teams;
using LiteAspire.Admin.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Admin.Tests.Teams;

public class TeamDetailTests
{
    private const string TeamId = TeamFixtures.SearchTeamId;

    private static AdminTestContext Admin()
    {
        var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/team/info", TeamFixtures.SearchTeamInfo)
            .On("GET", "/v1/models", TeamFixtures.Models)
            .On("GET", "/organization/list", "[]");
        return context;
    }

    private static IRenderedComponent<TeamDetail> RenderTeam(AdminTestContext context)
    {
        var cut = context.Render<TeamDetail>(p => p.Add(c => c.TeamId, TeamId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=member-row]").Count));
        return cut;
    }

    [Fact]
    public async Task Team_Info_ShowsFiguresMembersAndKeys()
    {
        await using var context = Admin();

        var cut = RenderTeam(context);

        Assert.Equal(TeamId, context.Proxy.To("/team/info")[0].QueryValue("team_id"));
        Assert.Equal("Search", cut.Find("h1").TextContent);
        Assert.Contains("$12.50 / $50.00", cut.Find("[data-testid=team-spend]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Resets every 30d; next 2027-01-01 00:00 UTC", cut.Find("[data-testid=team-spend]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1", cut.Find("[data-testid=team-keys]").TextContent, StringComparison.Ordinal);
        Assert.Contains("$12.50 spent by them", cut.Find("[data-testid=team-keys]").TextContent, StringComparison.Ordinal);
        Assert.Contains("5,000 TPM · 50 RPM", cut.Find("[data-testid=team-limits]").TextContent, StringComparison.Ordinal);
        var members = cut.FindAll("[data-testid=member-row]");
        Assert.Contains("ada@example.com", members[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Admin", members[0].QuerySelector("[data-testid=member-role]")!.TextContent);
        Assert.Contains("bob", members[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Member", members[1].QuerySelector("[data-testid=member-role]")!.TextContent);
        Assert.Contains("$2.25", members[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("$5.00", members[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("search-prod", cut.Find("[data-testid=team-key-row]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMember_ByEmailAsAdmin_SendsTheMemberAndReloadsTheTeam()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/team/member_add", TeamFixtures.SearchTeam);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        cut.Find("[data-testid=add-member]").Click();
        dialogs.Fill("member-email", "grace@example.com");
        dialogs.Find("[data-testid=member-role-admin]").Click();
        dialogs.Submit("member-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/team/member_add")));
        var body = SentJson.BodyOf(context.Proxy, "/team/member_add");
        Assert.Equal(["member", "team_id"], SentJson.Names(body));
        Assert.Equal(TeamId, body.GetProperty("team_id").GetString());
        Assert.Equal(["role", "user_email"], SentJson.Names(body.GetProperty("member")));
        Assert.Equal("admin", body.GetProperty("member").GetProperty("role").GetString());
        Assert.Equal("grace@example.com", body.GetProperty("member").GetProperty("user_email").GetString());
        cut.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/team/info").Count));
        dialogs.WaitUntilClosed();
    }

    [Fact]
    public async Task AddMember_NeitherIdNorEmail_AsksForOneAndSendsNothing()
    {
        await using var context = Admin();
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        cut.Find("[data-testid=add-member]").Click();
        dialogs.Submit("member-submit");

        cut.WaitForAssertion(() => Assert.Contains("Enter the user's id or email.", dialogs.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/team/member_add"));
    }

    [Fact]
    public async Task MakeAdmin_SendsTheMembersNewRole()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/team/member_update", TeamFixtures.MemberUpdated);
        var cut = RenderTeam(context);

        cut.FindAll("[data-testid=member-row]")[1].QuerySelector("[data-testid=make-admin]")!.Click();

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/team/member_update")));
        var body = SentJson.BodyOf(context.Proxy, "/team/member_update");
        Assert.Equal(["role", "team_id", "user_id"], SentJson.Names(body));
        Assert.Equal("bob", body.GetProperty("user_id").GetString());
        Assert.Equal("admin", body.GetProperty("role").GetString());
    }

    [Fact]
    public async Task RemoveMember_Confirmed_SendsTheMemberToDelete()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/team/member_delete", TeamFixtures.SearchTeam);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        cut.FindAll("[data-testid=member-row]")[1].QuerySelector("[data-testid=remove-member]")!.Click();
        dialogs.Press("Remove");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/team/member_delete")));
        var body = SentJson.BodyOf(context.Proxy, "/team/member_delete");
        Assert.Equal(["team_id", "user_id"], SentJson.Names(body));
        Assert.Equal("bob", body.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task RemoveMember_Cancelled_SendsNothing()
    {
        await using var context = Admin();
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        cut.FindAll("[data-testid=member-row]")[1].QuerySelector("[data-testid=remove-member]")!.Click();
        dialogs.Press("Cancel");

        dialogs.WaitUntilClosed();
        Assert.Empty(context.Proxy.To("/team/member_delete"));
    }

    [Fact]
    public async Task DeleteTeam_Confirmed_SendsItsIdAndGoesBackToTheList()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/team/delete", TeamFixtures.Deleted);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        cut.Find("[data-testid=delete-team]").Click();
        Assert.Contains("Its keys (1) are deleted with it", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Assert.Empty(context.Proxy.To("/team/delete"));
        dialogs.Press("Delete");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/team/delete")));
        var body = SentJson.BodyOf(context.Proxy, "/team/delete");
        Assert.Equal([TeamId], body.GetProperty("team_ids").EnumerateArray().Select(e => e.GetString()));
        cut.WaitForAssertion(() => Assert.EndsWith("/teams", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteTeam_Cancelled_SendsNothing()
    {
        await using var context = Admin();
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        cut.Find("[data-testid=delete-team]").Click();
        dialogs.Press("Cancel");

        dialogs.WaitUntilClosed();
        Assert.Empty(context.Proxy.To("/team/delete"));
    }

    [Fact]
    public async Task DeleteTeam_ProxyRefuses_ShowsItsMessage()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/team/delete",
            """{"error":{"message":"Team not found, passed team_id=2c328912-c4c4-474d-b58d-1e433c5cad24","type":"not_found_error","param":"team_ids","code":"404"}}""", 404);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        cut.Find("[data-testid=delete-team]").Click();
        dialogs.Press("Delete");

        cut.WaitForAssertion(() => Assert.Contains("The proxy answered 404: Team not found", cut.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditTeam_BudgetCleared_SendsEveryEditedFieldWithTheBudgetAsNull()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/team/update", TeamFixtures.Updated);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        cut.Find("[data-testid=edit-team]").Click();
        Assert.Equal("Search", dialogs.Find("[data-testid=team-alias]").GetAttribute("value"));
        dialogs.Fill("team-alias", "Search & Ranking");
        dialogs.Fill("team-max-budget", "");
        dialogs.Submit("team-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/team/update")));
        var body = SentJson.BodyOf(context.Proxy, "/team/update");
        Assert.Equal(
            ["budget_duration", "max_budget", "metadata", "models", "organization_id", "rpm_limit", "team_alias", "team_id", "tpm_limit"],
            SentJson.Names(body));
        Assert.Equal(TeamId, body.GetProperty("team_id").GetString());
        Assert.Equal("Search & Ranking", body.GetProperty("team_alias").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("max_budget").ValueKind);
        Assert.Equal("30d", body.GetProperty("budget_duration").GetString());
        Assert.Equal(5000, body.GetProperty("tpm_limit").GetInt64());
        Assert.Equal("1e65ba3e-fc9b-40d7-ad64-ad462c6e6a7b", body.GetProperty("organization_id").GetString());
        Assert.Equal(["fake-gpt"], body.GetProperty("models").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("42", body.GetProperty("metadata").GetProperty("cost_center").GetString());
        dialogs.WaitUntilClosed();
        Assert.Equal(2, context.Proxy.To("/team/info").Count);
    }

    [Fact]
    public async Task EditTeam_MetadataNotAnObject_SaysSoAndSendsNothing()
    {
        await using var context = Admin();
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        cut.Find("[data-testid=edit-team]").Click();
        dialogs.Fill("team-metadata", "[1, 2]");
        dialogs.Submit("team-submit");

        cut.WaitForAssertion(() => Assert.Contains("Metadata must be a JSON object", dialogs.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/team/update"));
    }

    [Theory]
    [InlineData(false, "block-team", "/team/block")]
    [InlineData(true, "unblock-team", "/team/unblock")]
    public async Task BlockButton_SendsTheTeamToBlockOrUnblock(bool blocked, string button, string route)
    {
        await using var context = Admin();
        context.Proxy.On("GET", "/team/info", TeamFixtures.SearchTeamInfo.Replace("\"blocked\":false", $"\"blocked\":{(blocked ? "true" : "false")}", StringComparison.Ordinal))
            .On("POST", route, TeamFixtures.SearchTeam);
        var cut = RenderTeam(context);

        cut.Find($"[data-testid={button}]").Click();

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To(route)));
        var body = SentJson.BodyOf(context.Proxy, route);
        Assert.Equal(["team_id"], SentJson.Names(body));
        Assert.Equal(TeamId, body.GetProperty("team_id").GetString());
    }

    [Fact]
    public async Task Viewer_SeesTheTeamWithoutChangeButtons_AndEveryHandlerRefusesBeforeTheProxy()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdminViewer);
        context.Proxy.On("GET", "/team/info", TeamFixtures.SearchTeamInfo);
        TenancyDialogs.Render(context);
        var cut = RenderTeam(context);

        foreach (var button in new[] { "edit-team", "block-team", "unblock-team", "delete-team", "add-member", "make-admin", "make-member", "remove-member" })
        {
            Assert.Empty(cut.FindAll($"[data-testid={button}]"));
        }

        var member = new TeamMember(TeamMember.UserRole, "bob", null);
        await cut.InvokeAsync(cut.Instance.DeleteAsync);
        Assert.Contains("cannot delete teams", cut.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        await cut.InvokeAsync(() => cut.Instance.SetBlockedAsync(true));
        await cut.InvokeAsync(() => cut.Instance.ChangeRoleAsync(member, TeamMember.AdminRole));
        await cut.InvokeAsync(() => cut.Instance.RemoveMemberAsync(member));
        await Assert.ThrowsAsync<ProxyApiException>(() => cut.InvokeAsync(() => cut.Instance.AddMemberAsync(new TeamMemberForm { UserId = "x" })));
        await Assert.ThrowsAsync<ProxyApiException>(() => cut.InvokeAsync(() => cut.Instance.UpdateAsync(new TeamForm { Alias = "x" })));

        Assert.All(context.Proxy.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Team_ProxyDown_SaysItIsUnreachable()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var cut = context.Render<TeamDetail>(p => p.Add(c => c.TeamId, TeamId));

        cut.WaitForAssertion(() => Assert.Contains("unreachable", cut.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Team_Unknown_ShowsTheProxysNotFound()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/team/info",
            """{"error":{"message":"Team not found, passed team_id=nope","type":"not_found_error","param":"team_id","code":"404"}}""", 404);

        var cut = context.Render<TeamDetail>(p => p.Add(c => c.TeamId, "nope"));

        cut.WaitForAssertion(() => Assert.Contains("Team not found, passed team_id=nope", cut.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
    }
}
