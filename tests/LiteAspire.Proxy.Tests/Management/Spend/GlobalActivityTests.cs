using System.Net;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using static LiteAspire.Proxy.Tests.Management.Spend.SpendData;

namespace LiteAspire.Proxy.Tests.Management.Spend;

/// <summary><c>/global/activity</c>: LiteLLM's requests and tokens per day, with spend and failures, summed from the key-free rollup.</summary>
[Collection(SpendTests.Name)]
public sealed class GlobalActivityTests(ManagementFixture fixture)
{
    [Fact]
    public async Task GlobalActivity_SumsEachDayOfTheRange_OldestFirst_WithLiteLLMsDateLabel()
    {
        var id = ManagementFixture.NewId("act");
        var failed = Daily(new DailyGlobalSpend { Id = Id(), Date = "2019-07-15" }, 0, model: id + "-b", requests: 0);
        failed.ApiRequests = 2;
        failed.FailedRequests = 2;
        await AddAsync(fixture,
            Daily(new DailyGlobalSpend { Id = Id(), Date = "2019-07-14" }, 1.5, model: id + "-a", requests: 3),
            Daily(new DailyGlobalSpend { Id = Id(), Date = "2019-07-15" }, 0.25, model: id + "-a", requests: 1),
            failed,
            Daily(new DailyGlobalSpend { Id = Id(), Date = "2019-07-16" }, 9, model: id + "-a", requests: 9));

        var activity = await AdminGetAsync(fixture, "/global/activity?start_date=2019-07-14&end_date=2019-07-15");

        var days = activity["daily_data"]!.AsArray();
        Assert.Equal(["2019-07-14", "2019-07-15"], days.Select(d => d!["day"]!.GetValue<string>()));
        Assert.Equal(["Jul 14", "Jul 15"], days.Select(d => d!["date"]!.GetValue<string>()));
        Assert.Equal((3L, 150L, 1.5, 0L), Figures(days[0]!));
        Assert.Equal((3L, 300L, 0.25, 2L), Figures(days[1]!));
        Assert.Equal(6, activity["sum_api_requests"]!.GetValue<long>());
        Assert.Equal(450, activity["sum_total_tokens"]!.GetValue<long>());
        Assert.Equal(1.75, Number(activity["sum_spend"]), 6);
        Assert.Equal(2, activity["sum_failed_requests"]!.GetValue<long>());
    }

    [Fact]
    public async Task GlobalActivity_NeedsDatesAndAnAdminRole()
    {
        var (_, key) = await UserAsync(fixture, LiteLLMRoles.InternalUser);
        var (noDates, _) = await GetAsync(fixture, "/global/activity");
        var (internalUser, _) = await GetAsync(fixture, "/global/activity?start_date=2019-07-14&end_date=2019-07-15", key);

        Assert.Equal(HttpStatusCode.BadRequest, noDates);
        Assert.Equal(HttpStatusCode.Forbidden, internalUser);
    }

    private static (long Requests, long Tokens, double Spend, long Failed) Figures(System.Text.Json.Nodes.JsonNode day) =>
        (day["api_requests"]!.GetValue<long>(), day["total_tokens"]!.GetValue<long>(), day["spend"]!.GetValue<double>(), day["failed_requests"]!.GetValue<long>());
}
