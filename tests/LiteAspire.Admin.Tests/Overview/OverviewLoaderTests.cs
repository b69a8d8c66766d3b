using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Overview;
using LiteAspire.Admin.Tests.Support;

namespace LiteAspire.Admin.Tests.Overview;

public class OverviewLoaderTests
{
    // 2026-12-08: the first of the month is inside the 30 charted days (2026-11-09 .. 2026-12-08).
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 15, 0, 0, TimeSpan.Zero);

    private const string Activity = """
        {"daily_data": [
            {"date": "Nov 30", "day": "2026-11-30", "api_requests": 10, "total_tokens": 900, "spend": 2.5, "failed_requests": 1},
            {"date": "Dec 01", "day": "2026-12-01", "api_requests": 4, "total_tokens": 300, "spend": 1.25, "failed_requests": 0},
            {"date": "Dec 08", "day": "2026-12-08", "api_requests": 6, "total_tokens": 500, "spend": 0.75, "failed_requests": 3}],
         "sum_api_requests": 20, "sum_total_tokens": 1700, "sum_spend": 4.5, "sum_failed_requests": 4}
        """;

    private static FakeProxyApi Proxy() => new FakeProxyApi()
        .On("GET", "/global/activity", Activity)
        .On("GET", "/global/spend/models", """[{"model": "gpt-4o", "total_spend": 3.5}, {"model": "claude", "total_spend": 1.0}]""")
        .On("GET", "/global/spend/keys", """[{"api_key": "h1", "total_spend": 4.0, "key_alias": "ci", "key_name": "sk-...abcd"}, {"api_key": "h2", "total_spend": 0.5, "key_alias": null, "key_name": "sk-...wxyz"}]""")
        .On("GET", "/global/spend/teams", """{"daily_spend": [], "teams": ["search", "ads"], "total_spend_per_team": [{"team_id": "ads", "total_spend": 0.5}, {"team_id": "search", "total_spend": 4.0}]}""")
        .On("GET", "/key/list", """{"keys": [], "total_count": 10000, "current_page": 1, "total_pages": 10000}""")
        .On("GET", "/v2/team/list", """{"teams": [{"team_id": "t1"}], "total": 3, "page": 1, "page_size": 1, "total_pages": 3}""");

    private static OverviewLoader Loader(FakeProxyApi proxy) =>
        new(new ProxyApiClient(new HttpClient(proxy) { BaseAddress = new Uri("http://proxy") }, OperatorKeyOf()), new FixedTime(Now));

    [Fact]
    public async Task Load_AddsTodayThisMonthAndThirtyDays_AndFillsQuietDaysWithZero()
    {
        var proxy = Proxy();

        var figures = await Loader(proxy).LoadAsync();

        Assert.Equal(0.75, figures.SpendToday);
        Assert.Equal(2.0, figures.SpendThisMonth);
        Assert.Equal(20, figures.Requests);
        Assert.Equal(0.2, figures.ErrorRate, 6);
        Assert.Equal(OverviewLoader.ChartedDays, figures.Days.Count);
        Assert.Equal(("2026-11-09", 0.0), (figures.Days[0].Date, figures.Days[0].Spend));
        Assert.Equal(new DayFigures("2026-11-30", 2.5, 10, 1), figures.Days.Single(d => d.Date == "2026-11-30"));
        Assert.Equal("2026-12-08", figures.Days[^1].Date);
        Assert.Equal((10000, 3), (figures.Keys, figures.Teams));
        Assert.Equal(["gpt-4o", "claude"], figures.TopModels.Select(m => m.Name));
        Assert.Equal(["ci", "sk-...wxyz"], figures.TopKeys.Select(k => k.Name));
        Assert.Equal(["search", "ads"], figures.TopTeams.Select(t => t.Name));
        var asked = Assert.Single(proxy.To("/global/activity"));
        Assert.Equal(("2026-11-09", "2026-12-08"), (asked.QueryValue("start_date"), asked.QueryValue("end_date")));
        Assert.Equal("1", Assert.Single(proxy.To("/key/list")).QueryValue("size"));
    }

    [Fact]
    public async Task Load_EarlyInAMonth_AsksFromTheFirstOfTheMonthWhenThatIsOlder()
    {
        var proxy = Proxy();
        var loader = new OverviewLoader(new ProxyApiClient(new HttpClient(proxy) { BaseAddress = new Uri("http://proxy") }, OperatorKeyOf()),
            new FixedTime(new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero)));

        await loader.LoadAsync();

        Assert.Equal("2026-03-01", Assert.Single(proxy.To("/global/activity")).QueryValue("start_date"));
    }

    [Fact]
    public async Task Load_ProxyDown_FailsWithTheReason()
    {
        var proxy = Proxy();
        proxy.Down = true;

        var error = await Assert.ThrowsAsync<ProxyApiException>(() => Loader(proxy).LoadAsync());

        Assert.True(error.Unreachable);
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static OperatorKey OperatorKeyOf() => new(new SignedInState(), new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

    private sealed class SignedInState : Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider
    {
        public override Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(
                LiteAspire.Admin.Auth.KeySignIn.Principal("admin", null, "proxy_admin", "key", "sk-test")));
    }
}
