using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.Teams;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Admin.Tests.Teams;

public class TeamListTests
{
    [Fact]
    public async Task Teams_ProxyListsTwo_ShowsEachRowFromTheListAloneWithoutAskingPerTeam()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/team/list", TeamFixtures.TeamList);

        var cut = context.Render<TeamList>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=team-row]").Count));
        var rows = cut.FindAll("[data-testid=team-row]");
        Assert.Contains("Billing", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Blocked", rows[0].TextContent, StringComparison.Ordinal);
        var search = rows[1].TextContent;
        Assert.Contains("Search", search, StringComparison.Ordinal);
        Assert.Contains("$12.50 / $50.00", search, StringComparison.Ordinal);
        Assert.Contains("fake-gpt", search, StringComparison.Ordinal);
        Assert.Contains("Active", search, StringComparison.Ordinal);
        var cells = rows[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("2", cells[2]);
        Assert.Equal("1", cells[3]);
        Assert.Equal(
            $"/teams/{TeamFixtures.SearchTeamId}",
            rows[1].QuerySelector("[data-testid=team-link]")!.GetAttribute("href"));
        Assert.Single(context.Proxy.To("/team/list"));
        Assert.Empty(context.Proxy.To("/team/info"));
        Assert.Equal(AdminTestContext.OperatorKey, context.Proxy.To("/team/list")[0].BearerKey);
    }

    [Fact]
    public async Task Search_PartOfAnAlias_KeepsOnlyMatchingTeams()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/team/list", TeamFixtures.TeamList);
        var cut = context.Render<TeamList>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=team-row]").Count));

        cut.Find("[data-testid=team-search]").Input("sEaR");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=team-row]")));
        Assert.Contains("Search", cut.Find("[data-testid=team-row]").TextContent, StringComparison.Ordinal);
        Assert.Single(context.Proxy.To("/team/list"));
    }

    [Fact]
    public async Task CreateTeam_FormFilled_SendsTheTeamAndOpensItsPage()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/team/list", TeamFixtures.TeamList)
            .On("GET", "/v1/models", TeamFixtures.Models)
            .On("GET", "/organization/list", "[]")
            .On("POST", "/team/new", """{"team_id":"team-new-1","team_alias":"Research","organization_id":null,"admins":[],"members":[],"members_with_roles":[],"metadata":{"cost_center":"7"},"max_budget":25,"soft_budget":null,"spend":0,"models":[],"max_parallel_requests":null,"tpm_limit":1000,"rpm_limit":10,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","blocked":false,"model_spend":{},"model_max_budget":{},"router_settings":{},"team_member_permissions":[],"model_id":null,"litellm_model_table":null,"created_at":"2026-12-08T00:00:36.461Z","updated_at":"2026-12-08T00:00:36.461Z"}""");
        var dialogs = TenancyDialogs.Render(context);
        var cut = context.Render<TeamList>();

        cut.WaitForElement("[data-testid=create-team]").Click();
        dialogs.Fill("team-alias", "Research");
        dialogs.Fill("team-max-budget", "25");
        dialogs.Fill("team-budget-duration", "30d");
        dialogs.Fill("team-tpm", "1000");
        dialogs.Fill("team-rpm", "10");
        dialogs.Fill("team-metadata", """{"cost_center": "7"}""");
        dialogs.Choose("team-models", "gpt-4o");
        dialogs.Submit("team-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/team/new")));
        var body = SentJson.BodyOf(context.Proxy, "/team/new");
        Assert.Equal(["budget_duration", "max_budget", "metadata", "models", "rpm_limit", "team_alias", "tpm_limit"], SentJson.Names(body));
        Assert.Equal("Research", body.GetProperty("team_alias").GetString());
        Assert.Equal(25, body.GetProperty("max_budget").GetDouble());
        Assert.Equal("30d", body.GetProperty("budget_duration").GetString());
        Assert.Equal(1000, body.GetProperty("tpm_limit").GetInt64());
        Assert.Equal(10, body.GetProperty("rpm_limit").GetInt64());
        Assert.Equal(["gpt-4o"], body.GetProperty("models").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("7", body.GetProperty("metadata").GetProperty("cost_center").GetString());
        dialogs.WaitUntilClosed();
        Assert.EndsWith("/teams/team-new-1", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTeam_NoName_IsNotSent()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/team/list", "[]").On("GET", "/v1/models", TeamFixtures.Models).On("GET", "/organization/list", "[]");
        var dialogs = TenancyDialogs.Render(context);
        var cut = context.Render<TeamList>();

        cut.WaitForElement("[data-testid=create-team]").Click();
        dialogs.Submit("team-submit");

        cut.WaitForAssertion(() => Assert.Contains("Give the team a name.", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/team/new"));
    }

    [Fact]
    public async Task CreateTeam_ProxyRefuses_KeepsTheDialogOpenWithTheProxysMessage()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/team/list", "[]").On("GET", "/v1/models", TeamFixtures.Models).On("GET", "/organization/list", "[]")
            .On("POST", "/team/new", """{"error":{"message":"Invalid value for 'budget_duration': 'soon' is not a duration.","type":"bad_request_error","param":"budget_duration","code":"400"}}""", 400);
        var dialogs = TenancyDialogs.Render(context);
        var cut = context.Render<TeamList>();

        cut.WaitForElement("[data-testid=create-team]").Click();
        dialogs.Fill("team-alias", "Research");
        dialogs.Fill("team-budget-duration", "soon");
        dialogs.Submit("team-submit");

        cut.WaitForAssertion(() => Assert.Contains("The proxy answered 400: Invalid value for 'budget_duration'",
            dialogs.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Viewer_SeesTeamsWithoutCreateButton_AndTheCreateHandlerRefusesBeforeTheProxy()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdminViewer);
        context.Proxy.On("GET", "/team/list", TeamFixtures.TeamList);
        var cut = context.Render<TeamList>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=team-row]").Count));

        Assert.Empty(cut.FindAll("[data-testid=create-team]"));
        var refused = await Assert.ThrowsAsync<ProxyApiException>(() => cut.InvokeAsync(() => cut.Instance.CreateAsync(new TeamForm { Alias = "x" })));

        Assert.Equal(403, refused.StatusCode);
        Assert.Empty(context.Proxy.To("/team/new"));
    }

    [Fact]
    public async Task Teams_NoneYet_ShowsTheEmptyStateWithACreateAction()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/team/list", "[]");

        var cut = context.Render<TeamList>();

        cut.WaitForAssertion(() => Assert.Contains("No teams yet", cut.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Create the first team", cut.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=teams-table]"));
    }

    [Fact]
    public async Task Teams_ProxyDown_SaysItIsUnreachable()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var cut = context.Render<TeamList>();

        cut.WaitForAssertion(() => Assert.Contains("unreachable", cut.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=page-loading]"));
    }

    [Fact]
    public async Task Teams_MoreThanAPage_ShowsTwentyFiveAndPagesThroughTheRest()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        var teams = Enumerable.Range(1, 30).Select(i =>
            $$"""{"team_id":"t{{i:00}}","team_alias":"Team {{i:00}}","organization_id":null,"admins":[],"members":[],"members_with_roles":[],"metadata":{},"max_budget":null,"soft_budget":null,"spend":0,"models":[],"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,"blocked":false,"model_spend":{},"model_max_budget":{},"router_settings":{},"team_member_permissions":[],"model_id":null,"litellm_model_table":null,"created_at":"2026-12-08T00:06:23.704Z","updated_at":"2026-12-08T00:06:23.704Z","keys":[],"team_memberships":[]}""");
        context.Proxy.On("GET", "/team/list", "[" + string.Join(",", teams) + "]");
        var cut = context.Render<TeamList>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=team-row]").Count));

        cut.Find("[data-testid=teams-pager-next]").Click();

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=team-row]").Count));
        Assert.Contains("Team 26", cut.FindAll("[data-testid=team-row]")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("26–30 of 30", cut.Find("[data-testid=teams-pager]").TextContent, StringComparison.Ordinal);
    }
}
