using System.Globalization;

using Bunit;

using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Tests.Support;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Admin.Tests.Usage;

public class UsagePageTests
{
    private const string Research = "research, \"R&D\"";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private const string TeamRoute = "/team/daily/activity/aggregated";
    private const string UserRoute = "/user/daily/activity/aggregated";

    private static AdminTestContext SignedIn(string role, string? userId = null)
    {
        var context = new AdminTestContext();
        context.SignInAs(role, userId: userId);
        context.Proxy.On("GET", TeamRoute, UsageFixtures.TeamActivity);
        context.Proxy.On("GET", UserRoute, UsageFixtures.UserActivity);
        context.Proxy.On("GET", "/tag/daily/activity", UsageFixtures.TagActivity);
        return context;
    }

    private static IRenderedComponent<Components.Pages.Usage.Usage> RenderAt(AdminTestContext context, string url)
    {
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return context.Render<Components.Pages.Usage.Usage>();
    }

    private static List<List<string>> Rows(IRenderedComponent<Components.Pages.Usage.Usage> page) =>
        page.FindAll("[data-testid=usage-row]").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();

    [Fact]
    public async Task Admin_SeesSpendPerTeam_FromTheTeamActivityOfTheLast30Days()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context, "/usage?from=2026-12-01&to=2026-12-08");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=usage-row]").Count));
        Assert.Equal(
            [
                [Research, "$0.0002625", "4", "1", "9", "24", "33"],
                ["search", "$0.00003165", "6", "0", "19", "48", "67"],
            ],
            Rows(page));
        Assert.Equal("$0.00029415", page.Find("[data-testid=usage-total-spend]").TextContent);
        Assert.Equal("10", page.Find("[data-testid=usage-total-requests]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=usage-total-failed]").TextContent);
        Assert.Equal("100", page.Find("[data-testid=usage-total-tokens]").TextContent);
        var sent = context.Proxy.To(TeamRoute).Single();
        Assert.Equal("2026-12-01", sent.QueryValue("start_date"));
        Assert.Equal("2026-12-08", sent.QueryValue("end_date"));
    }

    [Fact]
    public async Task FirstVisit_AsksForTheLast30Days()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdminViewer);

        var page = RenderAt(context, "/usage");

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To(TeamRoute)));
        var sent = context.Proxy.To(TeamRoute).Single();
        Assert.Equal(Day(Today.AddDays(-29)), sent.QueryValue("start_date"));
        Assert.Equal(Day(Today), sent.QueryValue("end_date"));
    }

    [Theory]
    [InlineData("model", UserRoute)]
    [InlineData("key", UserRoute)]
    [InlineData("tag", "/tag/daily/activity")]
    public async Task SwitchingTheGrouping_AsksTheRouteThatGroupsThatWay_AndPutsItInTheUrl(string grouping, string route)
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var page = RenderAt(context, "/usage?from=2026-12-01&to=2026-12-08");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=usage-row]").Count));

        page.Find($"[data-testid=usage-group-{grouping}]").Click();

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To(route)));
        var sent = context.Proxy.To(route).Single();
        Assert.Equal("2026-12-01", sent.QueryValue("start_date"));
        Assert.Equal("2026-12-08", sent.QueryValue("end_date"));
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        Assert.Equal($"/usage?group={grouping}&from=2026-12-01&to=2026-12-08", "/" + navigation.ToBaseRelativePath(navigation.Uri));
    }

    [Fact]
    public async Task ByModel_ShowsEachModel()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context, "/usage?group=model");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=usage-row]").Count));
        Assert.Equal(["gpt-4o", "gpt-4o-mini"], Rows(page).Select(r => r[0]));
        Assert.Equal(["gpt-4o", "$0.0002625", "3", "0", "9", "24", "33"], Rows(page)[0]);
        Assert.Equal(["gpt-4o-mini", "$0.00004215", "9", "1", "25", "64", "89"], Rows(page)[1]);
    }

    [Fact]
    public async Task ByKey_NamesKeysByAlias()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context, "/usage?group=key");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=usage-row]").Count));
        Assert.Equal(["=web, \"quoted\"", "ci-bot", "alice-personal"], Rows(page).Select(r => r[0]));
        Assert.Equal("099ddf9e87e36dd5c261dd94b49429c5ad81121aa24029444286e31f06261d2e", page.FindAll("[data-testid=usage-row] th")[1].GetAttribute("title"));
    }

    [Theory]
    [InlineData("team", TeamRoute, "1")]
    [InlineData("key", UserRoute, "50")]
    [InlineData("model", UserRoute, "1")]
    public async Task TeamKeyAndModel_ReadTheWholeRangeAggregated_WithOnlyTheTopKeysItemised(string grouping, string route, string keyLimit)
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context, $"/usage?group={grouping}");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=usage-row]")));
        var sent = Assert.Single(context.Proxy.Requests);
        Assert.Equal(route, sent.Path);
        Assert.Equal(keyLimit, sent.QueryValue("api_key_limit"));
        Assert.Null(sent.QueryValue("page"));
        Assert.Empty(page.FindAll("[data-testid=usage-partial]"));
    }

    [Fact]
    public async Task Tag_ReadsOnePageOfAtMost500Rows()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context, "/usage?group=tag");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=usage-row]")));
        var sent = Assert.Single(context.Proxy.Requests);
        Assert.Equal("/tag/daily/activity", sent.Path);
        Assert.Equal(("1", "500"), (sent.QueryValue("page"), sent.QueryValue("page_size")));
        Assert.Empty(page.FindAll("[data-testid=usage-partial]"));
    }

    [Fact]
    public async Task ByTag_ShowsEachTag_ARequestCountingUnderEachOfItsTags()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context, "/usage?group=tag");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=usage-row]").Count));
        Assert.Equal(["r&d", "prod", "search"], Rows(page).Select(r => r[0]));
        Assert.Equal("14", page.Find("[data-testid=usage-total-requests]").TextContent);
    }

    [Fact]
    public async Task MoreActivityThanOnePage_ShowsTheWholeNewestDaysOnly_AndSaysSo()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        // Only the tag report is paged; the entities of the team fixture stand for tags here.
        context.Proxy.On("GET", "/tag/daily/activity", UsageFixtures.TwoDaysOfTeamActivity.Replace("\"has_more\": false", "\"has_more\": true", StringComparison.Ordinal));

        var page = RenderAt(context, "/usage?group=tag&from=2026-12-01&to=2026-12-08");

        page.WaitForAssertion(() => Assert.Contains("cover 2026-12-08 to 2026-12-08 only", page.Find("[data-testid=usage-partial]").TextContent, StringComparison.Ordinal));
        // 2026-12-07, the page's oldest day, may continue on the next page: it is left out, not shown short.
        Assert.Equal("10", page.Find("[data-testid=usage-total-requests]").TextContent);
        Assert.Single(page.FindAll("[data-testid=usage-chart] [data-testid=chart-data] tbody tr"));
    }

    [Fact]
    public async Task MoreActivityOnOneDayThanOnePage_SaysNotOneDayFits()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/tag/daily/activity", UsageFixtures.TeamActivity.Replace("\"has_more\": false", "\"has_more\": true", StringComparison.Ordinal));

        var page = RenderAt(context, "/usage?group=tag");

        page.WaitForAssertion(() => Assert.Contains("Not one whole day fits", page.Find("[data-testid=usage-partial]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Nothing to show", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=usage-table]"));
    }

    [Theory]
    [InlineData(AdminRoles.InternalUser)]
    [InlineData(AdminRoles.InternalUserViewer)]
    public async Task InternalUsers_SeeTheirOwnKeysByDefault_AndCannotGroupByTag(string role)
    {
        await using var context = SignedIn(role, userId: "alice");

        var page = RenderAt(context, "/usage?group=tag");

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To(UserRoute)));
        Assert.Empty(context.Proxy.To("/tag/daily/activity"));
        Assert.Empty(page.FindAll("[data-testid=usage-group-tag]"));
        Assert.Null(context.Proxy.To(UserRoute).Single().QueryValue("user_id"));
        Assert.Equal(AdminTestContext.OperatorKey, context.Proxy.To(UserRoute).Single().BearerKey);
    }

    [Fact]
    public async Task SortingByAColumn_ReordersTheRows_AndMarksTheHeader()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var page = RenderAt(context, "/usage?group=key");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=usage-row]").Count));

        page.Find("[data-testid=usage-sort-requests]").Click();

        Assert.Equal(["ci-bot", "=web, \"quoted\"", "alice-personal"], Rows(page).Select(r => r[0]));
        Assert.Equal("descending", page.Find("[data-testid=usage-sort-requests]").ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal("none", page.Find("[data-testid=usage-sort-spend]").ParentElement!.GetAttribute("aria-sort"));

        page.Find("[data-testid=usage-sort-requests]").Click();

        Assert.Equal(["alice-personal", "=web, \"quoted\"", "ci-bot"], Rows(page).Select(r => r[0]));
        Assert.Equal("ascending", page.Find("[data-testid=usage-sort-requests]").ParentElement!.GetAttribute("aria-sort"));

        page.Find("[data-testid=usage-sort-name]").Click();

        Assert.Equal(["=web, \"quoted\"", "alice-personal", "ci-bot"], Rows(page).Select(r => r[0]));
    }

    [Fact]
    public async Task Export_DownloadsTheShownReportAsCsv_InTheShownOrder_Quoted()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var download = context.JSInterop.SetupVoid("liteAspire.download", _ => true);
        var page = RenderAt(context, "/usage?group=key&from=2026-12-01&to=2026-12-08");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=usage-row]").Count));
        page.Find("[data-testid=usage-sort-name]").Click();

        page.Find("[data-testid=usage-export]").Click();

        var call = Assert.Single(download.Invocations);
        Assert.Equal("usage-by-key-2026-12-01-to-2026-12-08.csv", call.Arguments[0]);
        Assert.Equal("text/csv;charset=utf-8", call.Arguments[1]);
        Assert.Equal(
            "key,key_id,spend_usd,requests,failed_requests,prompt_tokens,completion_tokens,total_tokens\r\n"
            + "\"'=web, \"\"quoted\"\"\",64d7c86f7065fd0176b9303ddfda8d10180c33cb403b75da59d33529d8dca88b,0.0002625,4,1,9,24,33\r\n"
            + "alice-personal,94abd1b0a2f18ec8377fc5a97c6f9bfe5a6092cdecc2b40d4c11754e596878c3,0.0000105,2,0,6,16,22\r\n"
            + "ci-bot,099ddf9e87e36dd5c261dd94b49429c5ad81121aa24029444286e31f06261d2e,0.00003165,6,0,19,48,67\r\n",
            call.Arguments[2]);
    }

    [Fact]
    public async Task Chart_PlotsSpendAndRequestsPerDay_WithATextAlternative()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context, "/usage?from=2026-12-06&to=2026-12-08");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=usage-chart]")));
        var series = page.FindAll("[data-testid=usage-chart] [data-testid=chart-series]");
        Assert.Equal(2, series.Count);
        Assert.Equal("img", series[0].GetAttribute("role"));
        Assert.Equal("Spend per day from 2026-12-06 to 2026-12-08: total $0.00029415, highest $0.00029415 on 2026-12-08.", series[0].GetAttribute("aria-label"));
        Assert.Equal("Requests per day from 2026-12-06 to 2026-12-08: total 10, highest 10 on 2026-12-08.", series[1].GetAttribute("aria-label"));
        var days = page.FindAll("[data-testid=usage-chart] [data-testid=chart-data] tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(3, days.Count);
        Assert.StartsWith("2026-12-06", days[0], StringComparison.Ordinal);
        Assert.Contains("$0.00029415", days[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoActivity_ShowsTheEmptyState_AndNothingToExport()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", TeamRoute, UsageFixtures.NoActivity);

        var page = RenderAt(context, "/usage");

        page.WaitForAssertion(() => Assert.Contains("No spend in this period", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("[data-testid=usage-export]").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=usage-table]"));
    }

    [Fact]
    public async Task ProxyDown_SaysSo()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var page = RenderAt(context, "/usage");

        page.WaitForAssertion(() => Assert.Contains("unreachable", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=usage-table]"));
    }

    [Fact]
    public async Task ARangeThatEndsBeforeItStarts_IsRefusedWithoutAskingTheProxy()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context, "/usage?from=2026-12-08&to=2026-12-01");

        page.WaitForAssertion(() => Assert.Contains("starts after it ends", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.Requests);
    }

    [Fact]
    public async Task ApplyingARange_PutsItInTheUrl_AndAsksAgain()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var page = RenderAt(context, "/usage");
        page.WaitForAssertion(() => Assert.Single(context.Proxy.To(TeamRoute)));

        page.Find("input[data-testid=usage-from]").Change("2026-11-01");
        page.Find("input[data-testid=usage-to]").Change("2026-11-30");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To(TeamRoute).Count));
        Assert.Equal("2026-11-01", context.Proxy.To(TeamRoute)[1].QueryValue("start_date"));
        Assert.Equal("2026-11-30", context.Proxy.To(TeamRoute)[1].QueryValue("end_date"));
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        Assert.Equal("/usage?from=2026-11-01&to=2026-11-30", "/" + navigation.ToBaseRelativePath(navigation.Uri));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
