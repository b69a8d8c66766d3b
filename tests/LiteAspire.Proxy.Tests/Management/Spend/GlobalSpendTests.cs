using System.Net;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using static LiteAspire.Proxy.Tests.Management.Spend.SpendData;

namespace LiteAspire.Proxy.Tests.Management.Spend;

/// <summary>
/// <c>/global/spend*</c> and <c>/spend/tags</c>: LiteLLM's shapes, admins only where LiteLLM's UI is admin-only. Spend and
/// models are summed from the key-free rollup, keys, teams and tags from their daily aggregates (the Worker writes all of them
/// with each log row), end users, providers and <c>/spend/tags</c> from the logs.
/// </summary>
[Collection(SpendTests.Name)]
public sealed class GlobalSpendTests(ManagementFixture fixture)
{
    [Fact]
    public async Task GlobalSpend_AddsTheLast30Days()
    {
        var id = ManagementFixture.NewId("g");
        var before = Number((await AdminGetAsync(fixture, "/global/spend"))["spend"]);
        await AddAsync(fixture,
            Daily(new DailyGlobalSpend { Id = Id(), Date = Today() }, 1.25, model: id + "-m"),
            Daily(new DailyGlobalSpend { Id = Id(), Date = DayOf(DateTime.UtcNow.AddDays(-40)) }, 100, model: id + "-m"));

        var after = await AdminGetAsync(fixture, "/global/spend");

        Assert.Equal(before + 1.25, Number(after["spend"]), 6);
        Assert.True(after.AsObject().ContainsKey("max_budget"));
    }

    [Fact]
    public async Task KeysModelsTeamsAndProviders_GroupTheRecentLogs()
    {
        var id = ManagementFixture.NewId("g");
        var now = DateTime.UtcNow.AddMinutes(-5);
        var today = Today();
        await AddAsync(fixture,
            new VerificationToken { Token = id + "-key", KeyAlias = id + "-alias", KeyName = "sk-...abcd" },
            new TeamTable { TeamId = id + "-t", TeamAlias = id + "-team", CreatedAt = now, UpdatedAt = now },
            Daily(new DailyUserSpend { Id = Id(), Date = today, ApiKey = id + "-key" }, 5, model: id + "-model", requests: 2),
            Daily(new DailyGlobalSpend { Id = Id(), Date = today }, 5, model: id + "-model", requests: 2),
            Daily(new DailyTeamSpend { Id = Id(), Date = today, ApiKey = id + "-key", TeamId = id + "-t" }, 5, model: id + "-model", requests: 2),
            Log(id + "-1", now, 3, id + "-key", model: id + "-model", team: id + "-t", provider: id + "-p"),
            Log(id + "-2", now, 2, id + "-key", model: id + "-model", team: id + "-t", provider: id + "-p"));

        var keys = await AdminGetAsync(fixture, "/global/spend/keys?limit=1000");
        var models = await AdminGetAsync(fixture, "/global/spend/models?limit=1000");
        var teams = await AdminGetAsync(fixture, "/global/spend/teams");
        var day = DayOf(now);
        var providers = await AdminGetAsync(fixture, $"/global/spend/provider?start_date={day}&end_date={day}");

        var key = keys.AsArray().Single(k => k!["api_key"]!.GetValue<string>() == id + "-key")!;
        Assert.Equal((5.0, id + "-alias", "sk-...abcd"), (Number(key["total_spend"]), key["key_alias"]!.GetValue<string>(), key["key_name"]!.GetValue<string>()));
        Assert.Equal(5.0, Number(models.AsArray().Single(m => m!["model"]!.GetValue<string>() == id + "-model")!["total_spend"]));
        Assert.Contains(id + "-team", teams["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(5.0, Number(teams["daily_spend"]!.AsArray().Single(d => d!["date"]!.GetValue<string>() == day)![id + "-team"]));
        Assert.Equal(5.0, Number(providers.AsArray().Single(p => p!["provider"]!.GetValue<string>() == id + "-p")!["spend"]));
    }

    [Fact]
    public async Task Teams_RequestsWithoutATeam_AreUnassigned()
    {
        // The Unassigned column is the day's total (the rollup counts every request) less what the teams' rows hold.
        var before = await AdminGetAsync(fixture, "/global/spend/teams");
        var id = ManagementFixture.NewId("g");
        var day = DayOf(DateTime.UtcNow.AddDays(-2));
        var at = DateTime.UtcNow;
        await AddAsync(fixture,
            new TeamTable { TeamId = id + "-t", TeamAlias = id + "-team", CreatedAt = at, UpdatedAt = at },
            Daily(new DailyGlobalSpend { Id = Id(), Date = day }, 3.5, model: id + "-m", requests: 3),
            Daily(new DailyTeamSpend { Id = Id(), Date = day, ApiKey = id + "-a", TeamId = id + "-t" }, 3, model: id + "-m", requests: 1));

        var after = await AdminGetAsync(fixture, "/global/spend/teams");

        var unassignedBefore = before["daily_spend"]!.AsArray().SingleOrDefault(d => d!["date"]!.GetValue<string>() == day)?["Unassigned"];
        var row = after["daily_spend"]!.AsArray().Single(d => d!["date"]!.GetValue<string>() == day)!;
        Assert.Equal(3.0, Number(row[id + "-team"]));
        Assert.Equal((unassignedBefore is null ? 0 : Number(unassignedBefore)) + 0.5, Number(row["Unassigned"]), 2);
    }

    [Fact]
    public async Task TagsAndEndUsers_CountAndSumPerTagAndCustomer()
    {
        var id = ManagementFixture.NewId("g");
        var at = new DateTime(2022, 5, 5, 10, 0, 0, DateTimeKind.Utc);
        var key = VirtualKeys.Hash(id);
        await AddAsync(fixture,
            Log(id + "-1", at, 1, key, endUser: id + "-c", tags: $"""["{id}-a","{id}-b"]"""),
            Log(id + "-2", at, 2, key, endUser: id + "-c", tags: $"""["{id}-a"]"""),
            Log(id + "-3", at, 4, "other", endUser: id + "-d", tags: "null"),
            Daily(new DailyTagSpend { Id = Id(), Date = "2022-05-05", ApiKey = key, Tag = id + "-a" }, 3, requests: 2),
            Daily(new DailyTagSpend { Id = Id(), Date = "2022-05-05", ApiKey = key, Tag = id + "-b" }, 1),
            Daily(new DailyTagSpend { Id = Id(), Date = "2022-05-06", ApiKey = key, Tag = id + "-a" }, 50));

        var tags = await AdminGetAsync(fixture, $"/global/spend/tags?start_date=2022-05-05&end_date=2022-05-05&tags={id}-a,{id}-b");
        var all = await AdminGetAsync(fixture, "/spend/tags?start_date=2022-05-05&end_date=2022-05-05");
        var endUsers = await AdminGetAsync(fixture, $"/global/spend/end_users?api_key={key}&start_date=2022-05-01&end_date=2022-05-31");

        var perTag = tags["spend_per_tag"]!.AsArray();
        Assert.Equal([id + "-a", id + "-b"], perTag.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal((3.0, 2), (Number(perTag[0]!["spend"]), perTag[0]!["log_count"]!.GetValue<int>()));
        Assert.Equal(1.0, Number(all.AsArray().Single(t => t!["individual_request_tag"]!.GetValue<string>() == id + "-b")!["total_spend"]));
        var customer = Assert.Single(endUsers.AsArray())!;
        Assert.Equal((id + "-c", 2, 3.0), (customer["end_user"]!.GetValue<string>(), customer["total_count"]!.GetValue<int>(), Number(customer["total_spend"])));
    }

    [Fact]
    public async Task InternalUser_GetsOwnKeysAndModels_AndNoGlobalTotals()
    {
        var (userId, key) = await UserAsync(fixture, LiteLLMRoles.InternalUser);
        await AddAsync(fixture, Daily(new DailyUserSpend { Id = Id(), Date = DayOf(DateTime.UtcNow.AddDays(-90)), ApiKey = userId + "-key", UserId = userId },
            2, model: "m1"));

        var (_, keys) = await GetAsync(fixture, "/global/spend/keys", key);
        var (_, models) = await GetAsync(fixture, "/global/spend/models", key);
        var (globalStatus, _) = await GetAsync(fixture, "/global/spend", key);
        var (reportStatus, _) = await GetAsync(fixture, "/global/spend/report?start_date=2024-01-01&end_date=2024-01-02", key);

        Assert.Equal(userId + "-key", Assert.Single(keys!.AsArray())!["api_key"]!.GetValue<string>());
        Assert.Equal((2.0, 150L), (Number(Assert.Single(models!.AsArray())!["total_spend"]), models![0]!["total_tokens"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.Forbidden, globalStatus);
        Assert.Equal(HttpStatusCode.Forbidden, reportStatus);
    }

    private static string Today() => DayOf(DateTime.UtcNow);

    private static string DayOf(DateTime utc) => utc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("/global/spend/keys?limit=0")]
    [InlineData("/global/spend/provider?start_date=2024-01-01")]
    [InlineData("/global/spend/tags?start_date=2024-13-01&end_date=2024-12-01")]
    public async Task BadInput_400(string path) => Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(fixture, path)).Status);
}
