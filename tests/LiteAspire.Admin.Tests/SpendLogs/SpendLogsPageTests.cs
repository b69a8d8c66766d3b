using System.Globalization;

using Bunit;

using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.SpendLogs;
using LiteAspire.Admin.Tests.Support;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

using MudBlazor;

namespace LiteAspire.Admin.Tests.SpendLogs;

public class SpendLogsPageTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static AdminTestContext SignedIn(string role, string? userId = null)
    {
        var context = new AdminTestContext();
        context.SignInAs(role, userId: userId);
        context.Proxy.On("GET", "/spend/logs/ui", SpendLogFixtures.UiPage);
        context.Proxy.On("GET", "/spend/logs", SpendLogFixtures.OneLog);
        return context;
    }

    private static IRenderedComponent<Components.Pages.SpendLogs.SpendLogs> RenderAt(AdminTestContext context, string url = "/spend-logs")
    {
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return context.Render<Components.Pages.SpendLogs.SpendLogs>();
    }

    [Fact]
    public async Task Admin_SeesTheProxysRowsNewestFirst_WithEveryColumn()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context);

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=spend-log-row]").Count));
        var rows = page.FindAll("[data-testid=spend-log-row]");
        var failed = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("2026-12-08 00:05:25", failed[0]);
        Assert.Equal("83fe136f-c439-49a0-8f7a-6d6616eb43e6", rows[0].QuerySelector("a")!.GetAttribute("title"));
        Assert.Equal("/spend-logs/83fe136f-c439-49a0-8f7a-6d6616eb43e6", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["gpt-4o-mini", "=web, \"quoted\"", "bob", "team-research", "0 / 0", "$0.00", "1,475 ms", "failure", "no"], failed[2..]);
        var streamed = rows[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["gpt-4o-mini", "ci-bot", "alice", "team-search", "4 / 8", "$0.0000054", "47 ms", "success", "no"], streamed[2..]);
        Assert.Contains("12 requests", page.Find("[data-testid=spend-logs-count]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Page 1 of 4", page.Find("[data-testid=spend-logs-page]").TextContent.Trim());
        Assert.Equal(AdminTestContext.OperatorKey, context.Proxy.To("/spend/logs/ui").Single().BearerKey);
    }

    [Fact]
    public async Task FirstVisit_AsksTheProxyForTheLastSevenDays_FirstPageOf50()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context);

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/spend/logs/ui")));
        var sent = context.Proxy.To("/spend/logs/ui").Single();
        Assert.Equal(Day(Today.AddDays(-6)) + " 00:00:00", sent.QueryValue("start_date"));
        Assert.Equal(Day(Today) + " 23:59:59", sent.QueryValue("end_date"));
        Assert.Equal("1", sent.QueryValue("page"));
        Assert.Equal("50", sent.QueryValue("page_size"));
        Assert.Null(sent.QueryValue("api_key"));
        Assert.Null(sent.QueryValue("key_alias"));
        Assert.Null(sent.QueryValue("status_filter"));
    }

    [Fact]
    public async Task FiltersInTheUrl_AreSentToTheProxy()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdminViewer);

        var page = RenderAt(context, "/spend-logs?key=ci&user=alice&team=team-search&model=gpt-4o-mini&status=failure&from=2026-12-01&to=2026-12-08&page=3");

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/spend/logs/ui")));
        var sent = context.Proxy.To("/spend/logs/ui").Single();
        Assert.Equal("ci", sent.QueryValue("key_alias"));
        Assert.Null(sent.QueryValue("api_key"));
        Assert.Equal("alice", sent.QueryValue("user_id"));
        Assert.Equal("team-search", sent.QueryValue("team_id"));
        Assert.Equal("gpt-4o-mini", sent.QueryValue("model"));
        Assert.Equal("failure", sent.QueryValue("status_filter"));
        Assert.Equal("2026-12-01 00:00:00", sent.QueryValue("start_date"));
        Assert.Equal("2026-12-08 23:59:59", sent.QueryValue("end_date"));
        Assert.Equal("3", sent.QueryValue("page"));
        // The form shows what the URL says.
        Assert.Equal("ci", page.Find("input[data-testid=spend-filter-key]").GetAttribute("value"));
        Assert.Equal("2026-12-01", page.Find("input[data-testid=spend-filter-from]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("099ddf9e87e36dd5c261dd94b49429c5ad81121aa24029444286e31f06261d2e")]
    [InlineData("sk-IpsG5xAAhWozYDHOZwWBjA")]
    public async Task KeyFilter_AKeyOrItsHash_IsSentAsApiKey(string key)
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var page = RenderAt(context, "/spend-logs?key=" + Uri.EscapeDataString(key));

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/spend/logs/ui")));
        Assert.Equal(key, context.Proxy.To("/spend/logs/ui").Single().QueryValue("api_key"));
        Assert.Null(context.Proxy.To("/spend/logs/ui").Single().QueryValue("key_alias"));
    }

    [Fact]
    public async Task Apply_PutsTheFiltersInTheUrl_AndAsksTheProxyAgain()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var page = RenderAt(context);
        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/spend/logs/ui")));

        page.Find("input[data-testid=spend-filter-key]").Change("ci-bot");
        page.Find("input[data-testid=spend-filter-user]").Change("alice");
        page.Find("input[data-testid=spend-filter-team]").Change("team-search");
        page.Find("input[data-testid=spend-filter-model]").Change("gpt-4o-mini");
        page.Find("input[data-testid=spend-filter-from]").Change("2026-11-01");
        page.Find("form").Submit();

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/spend/logs/ui").Count));
        Assert.Equal($"/spend-logs?key=ci-bot&user=alice&team=team-search&model=gpt-4o-mini&from=2026-11-01&to={Day(Today)}", "/" + navigation.ToBaseRelativePath(navigation.Uri));
        var sent = context.Proxy.To("/spend/logs/ui")[1];
        Assert.Equal("ci-bot", sent.QueryValue("key_alias"));
        Assert.Equal("alice", sent.QueryValue("user_id"));
        Assert.Equal("team-search", sent.QueryValue("team_id"));
        Assert.Equal("gpt-4o-mini", sent.QueryValue("model"));
        Assert.Equal("2026-11-01 00:00:00", sent.QueryValue("start_date"));
        Assert.Equal("1", sent.QueryValue("page"));
    }

    [Fact]
    public async Task Apply_ARangeThatEndsBeforeItStarts_IsRefusedWithoutAskingTheProxy()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var page = RenderAt(context);
        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/spend/logs/ui")));

        page.Find("input[data-testid=spend-filter-from]").Change("2026-12-08");
        page.Find("input[data-testid=spend-filter-to]").Change("2026-12-01");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("starts after it ends", page.Find("[data-testid=spend-filter-problem]").TextContent, StringComparison.Ordinal));
        Assert.Single(context.Proxy.To("/spend/logs/ui"));
    }

    [Fact]
    public async Task Next_AsksTheProxyForTheNextPage_KeepingTheFilters()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var page = RenderAt(context, "/spend-logs?model=gpt-4o-mini");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=spend-log-row]").Count));

        page.Find("[data-testid=spend-logs-next]").Click();

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/spend/logs/ui").Count));
        Assert.Equal("2", context.Proxy.To("/spend/logs/ui")[1].QueryValue("page"));
        Assert.Equal("gpt-4o-mini", context.Proxy.To("/spend/logs/ui")[1].QueryValue("model"));
        Assert.True(page.Find("[data-testid=spend-logs-previous]").HasAttribute("disabled") is false);
    }

    [Fact]
    public async Task SelectingARow_OpensThatRequestsDetail_ReadByItsId()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var dialogs = context.Render<MudDialogProvider>();
        var page = RenderAt(context);
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=spend-log-row]").Count));

        page.FindAll("[data-testid=spend-log-row]")[1].Click();

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=spend-log-detail]")));
        Assert.Equal("chatcmpl-fakeaf3765ca13a9fcac", context.Proxy.To("/spend/logs").Single().QueryValue("request_id"));
        Assert.Equal("chatcmpl-fakeaf3765ca13a9fcac", dialogs.Find("[data-testid=detail-request-id]").TextContent);
        Assert.Equal("/spend-logs/chatcmpl-fakeaf3765ca13a9fcac", dialogs.Find("[data-testid=spend-log-open-page]").GetAttribute("href"));
    }

    [Fact]
    public async Task NoLogs_ShowsTheEmptyState()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/spend/logs/ui", SpendLogFixtures.EmptyPage);

        var page = RenderAt(context);

        page.WaitForAssertion(() => Assert.Contains("No requests match", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=spend-logs-table]"));
    }

    [Fact]
    public async Task ProxyDown_SaysSoInsteadOfATable()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var page = RenderAt(context);

        page.WaitForAssertion(() => Assert.Contains("unreachable", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=spend-logs-table]"));
    }

    [Fact]
    public async Task ProxyRefusal_ShowsItsMessage()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/spend/logs/ui",
            """{"error":{"message":"Invalid date range: start_date must not be after end_date.","type":"bad_request_error","param":"start_date","code":"400"}}""", 400);

        var page = RenderAt(context, "/spend-logs?from=2026-12-09&to=2026-12-01");

        page.WaitForAssertion(() => Assert.Contains("start_date must not be after end_date", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AdminRoles.InternalUser)]
    [InlineData(AdminRoles.InternalUserViewer)]
    public async Task InternalUsers_HaveNoUserFilter_AndNeverSendAnotherUser(string role)
    {
        await using var context = SignedIn(role, userId: "alice");

        var page = RenderAt(context, "/spend-logs?user=bob");

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/spend/logs/ui")));
        Assert.Empty(page.FindAll("[data-testid=spend-filter-user]"));
        Assert.Null(context.Proxy.To("/spend/logs/ui").Single().QueryValue("user_id"));
        Assert.Contains("only your own requests", page.Find("[data-testid=spend-logs-count]").TextContent, StringComparison.Ordinal);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
