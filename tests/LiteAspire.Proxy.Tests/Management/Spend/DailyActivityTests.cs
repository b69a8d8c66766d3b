using System.Net;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using static LiteAspire.Proxy.Tests.Management.Spend.SpendData;

namespace LiteAspire.Proxy.Tests.Management.Spend;

/// <summary><c>/{user,team,organization,customer,tag}/daily/activity</c> over Daily*Spend rows: sums, breakdowns, paging, access.</summary>
[Collection(SpendTests.Name)]
public sealed class DailyActivityTests(ManagementFixture fixture)
{
    [Fact]
    public async Task UserActivity_SumsPerDayWithBreakdownsAndPageTotals()
    {
        var user = ManagementFixture.NewId("u");
        await AddAsync(fixture,
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-02-01", ApiKey = "key-a", UserId = user }, 1.5, requests: 3),
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-02-01", ApiKey = "key-b", UserId = user }, 0.5, model: "claude", provider: "anthropic"),
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-02-02", ApiKey = "key-a", UserId = user }, 2.0, provider: null),
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-02-03", ApiKey = "key-a", UserId = user }, 9.0));

        var body = await AdminGetAsync(fixture, $"/user/daily/activity?start_date=2024-02-01&end_date=2024-02-02&user_id={user}");

        var results = body["results"]!.AsArray();
        Assert.Equal(["2024-02-02", "2024-02-01"], results.Select(r => r!["date"]!.GetValue<string>()));
        var first = results[1]!;
        Assert.Equal(2.0, Number(first["metrics"]!["spend"]));
        Assert.Equal(4, first["metrics"]!["api_requests"]!.GetValue<long>());
        Assert.Equal(300, first["metrics"]!["total_tokens"]!.GetValue<long>());
        Assert.Equal(1.5, Number(first["breakdown"]!["models"]!["gpt-4o"]!["metrics"]!["spend"]));
        Assert.Equal(0.5, Number(first["breakdown"]!["providers"]!["anthropic"]!["metrics"]!["spend"]));
        Assert.Equal(1.5, Number(first["breakdown"]!["api_keys"]!["key-a"]!["metrics"]!["spend"]));
        Assert.Equal(0.5, Number(first["breakdown"]!["models"]!["claude"]!["api_key_breakdown"]!["key-b"]!["metrics"]!["spend"]));
        Assert.Equal(2.0, Number(first["breakdown"]!["entities"]![user]!["metrics"]!["spend"]));
        Assert.Equal(2.0, Number(results[0]!["breakdown"]!["providers"]!["unknown"]!["metrics"]!["spend"]));
        var metadata = body["metadata"]!;
        Assert.Equal(4.0, Number(metadata["total_spend"]));
        Assert.Equal((1, 1, false), (metadata["page"]!.GetValue<int>(), metadata["total_pages"]!.GetValue<int>(), metadata["has_more"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task UserAggregated_PerKeyLinesForTheTopKeysOnly_TotalsCountEveryKey()
    {
        var user = ManagementFixture.NewId("u");
        await AddAsync(fixture,
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-07-01", ApiKey = user + "-a", UserId = user }, 2),
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-07-02", ApiKey = user + "-a", UserId = user }, 3, model: "claude", provider: "anthropic"),
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-07-02", ApiKey = user + "-b", UserId = user }, 4),
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-07-02", ApiKey = user + "-c", UserId = user }, 1, requests: 5));

        var body = await AdminGetAsync(fixture, $"/user/daily/activity/aggregated?start_date=2024-07-01&end_date=2024-07-02&user_id={user}&api_key_limit=2");

        var metadata = body["metadata"]!;
        Assert.Equal((10.0, 8L), (Number(metadata["total_spend"]), metadata["total_api_requests"]!.GetValue<long>()));
        Assert.Equal((3, 2), (metadata["total_api_keys"]!.GetValue<int>(), metadata["api_key_limit"]!.GetValue<int>()));
        Assert.Equal((1, 1, false), (metadata["page"]!.GetValue<int>(), metadata["total_pages"]!.GetValue<int>(), metadata["has_more"]!.GetValue<bool>()));
        var day = body["results"]![0]!;
        Assert.Equal("2024-07-02", day["date"]!.GetValue<string>());
        Assert.Equal([user + "-a", user + "-b"], day["breakdown"]!["api_keys"]!.AsObject().Select(k => k.Key).Order(StringComparer.Ordinal));
        var gpt = day["breakdown"]!["models"]!["gpt-4o"]!;
        Assert.Equal(5.0, Number(gpt["metrics"]!["spend"]));
        Assert.Equal([user + "-b"], gpt["api_key_breakdown"]!.AsObject().Select(k => k.Key));
        Assert.Equal(3.0, Number(day["breakdown"]!["providers"]!["anthropic"]!["api_key_breakdown"]![user + "-a"]!["metrics"]!["spend"]));
        Assert.Empty(day["breakdown"]!["entities"]!.AsObject());
    }

    [Fact]
    public async Task UserAggregated_ForEveryone_TakesItsTotalsFromTheRollup_AndItsKeysFromThePerUserRows()
    {
        // Rows the spend writer would never write apart, so the test sees which table each part comes from.
        var key = VirtualKeys.Hash(ManagementFixture.NewId("k"));
        await AddAsync(fixture,
            Daily(new DailyGlobalSpend { Id = Id(), Date = "2023-02-14" }, 40, model: "rollup-model", requests: 4),
            Daily(new DailyUserSpend { Id = Id(), Date = "2023-02-14", ApiKey = key, UserId = null }, 1, model: "per-user-model"));

        var all = await AdminGetAsync(fixture, "/user/daily/activity/aggregated?start_date=2023-02-14&end_date=2023-02-14");
        var oneKey = await AdminGetAsync(fixture, $"/user/daily/activity/aggregated?start_date=2023-02-14&end_date=2023-02-14&api_key={key}");

        var day = all["results"]![0]!["breakdown"]!;
        Assert.Equal((40.0, 4L), (Number(all["metadata"]!["total_spend"]), all["metadata"]!["total_api_requests"]!.GetValue<long>()));
        Assert.Equal(40.0, Number(day["models"]!["rollup-model"]!["metrics"]!["spend"]));
        Assert.Equal(1.0, Number(day["api_keys"]![key]!["metrics"]!["spend"]));
        Assert.Equal(1.0, Number(day["models"]!["per-user-model"]!["api_key_breakdown"]![key]!["metrics"]!["spend"]));
        Assert.Equal(1.0, Number(oneKey["metadata"]!["total_spend"]));
        Assert.Equal(["per-user-model"], oneKey["results"]![0]!["breakdown"]!["models"]!.AsObject().Select(m => m.Key));
    }

    [Fact]
    public async Task TeamAggregated_ListsTheTeams_WithTheirTopKeys()
    {
        var team = ManagementFixture.NewId("team");
        await AddAsync(fixture,
            new TeamTable { TeamId = team, TeamAlias = "growth", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow },
            Daily(new DailyTeamSpend { Id = Id(), Date = "2024-07-05", ApiKey = team + "-a", TeamId = team }, 2),
            Daily(new DailyTeamSpend { Id = Id(), Date = "2024-07-05", ApiKey = team + "-b", TeamId = team }, 7));

        var body = await AdminGetAsync(fixture, $"/team/daily/activity/aggregated?start_date=2024-07-05&end_date=2024-07-05&team_ids={team}&api_key_limit=1");

        var entity = body["results"]![0]!["breakdown"]!["entities"]![team]!;
        Assert.Equal((9.0, "growth"), (Number(entity["metrics"]!["spend"]), entity["metadata"]!["team_alias"]!.GetValue<string>()));
        Assert.Equal([team + "-b"], entity["api_key_breakdown"]!.AsObject().Select(k => k.Key));
        Assert.Equal(2, body["metadata"]!["total_api_keys"]!.GetValue<int>());
    }

    [Fact]
    public async Task TeamActivity_PagesByRowsNewestFirst_PagesSumToTheWhole()
    {
        var team = ManagementFixture.NewId("team");
        await AddAsync(fixture, new TeamTable { TeamId = team, TeamAlias = "search", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
        for (var day = 1; day <= 5; day++)
        {
            await AddAsync(fixture, Daily(new DailyTeamSpend { Id = Id(), Date = $"2024-04-0{day}", ApiKey = "key-a", TeamId = team }, day));
        }

        var pages = new List<System.Text.Json.Nodes.JsonNode>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await AdminGetAsync(fixture, $"/team/daily/activity?start_date=2024-04-01&end_date=2024-04-30&team_ids={team}&page={page}&page_size=2"));
        }

        Assert.Equal(["2024-04-05", "2024-04-04"], pages[0]["results"]!.AsArray().Select(r => r!["date"]!.GetValue<string>()));
        Assert.Equal((3, true), (pages[0]["metadata"]!["total_pages"]!.GetValue<int>(), pages[0]["metadata"]!["has_more"]!.GetValue<bool>()));
        Assert.False(pages[2]["metadata"]!["has_more"]!.GetValue<bool>());
        Assert.Equal(15.0, pages.Sum(p => Number(p["metadata"]!["total_spend"])));
        Assert.Equal("search", pages[0]["results"]![0]!["breakdown"]!["entities"]![team]!["metadata"]!["team_alias"]!.GetValue<string>());
    }

    [Fact]
    public async Task InternalUser_SeesOnlyOwnUserAndOwnTeams()
    {
        var team = ManagementFixture.NewId("team");
        var (userId, key) = await UserAsync(fixture, LiteLLMRoles.InternalUser, team);
        await AddAsync(fixture,
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-05-01", ApiKey = "k", UserId = userId }, 1),
            Daily(new DailyUserSpend { Id = Id(), Date = "2024-05-01", ApiKey = "k", UserId = "someone-else" }, 50),
            Daily(new DailyTeamSpend { Id = Id(), Date = "2024-05-01", ApiKey = "k", TeamId = team }, 3),
            Daily(new DailyTeamSpend { Id = Id(), Date = "2024-05-01", ApiKey = "k", TeamId = "other-team" }, 70));

        var (_, own) = await GetAsync(fixture, "/user/daily/activity?start_date=2024-05-01&end_date=2024-05-01", key);
        var (otherStatus, _) = await GetAsync(fixture, "/user/daily/activity?start_date=2024-05-01&end_date=2024-05-01&user_id=someone-else", key);
        var (_, teams) = await GetAsync(fixture, "/team/daily/activity?start_date=2024-05-01&end_date=2024-05-01", key);
        var (otherTeamStatus, _) = await GetAsync(fixture, "/team/daily/activity?start_date=2024-05-01&end_date=2024-05-01&team_ids=other-team", key);
        var (customerStatus, _) = await GetAsync(fixture, "/customer/daily/activity?start_date=2024-05-01&end_date=2024-05-01", key);

        Assert.Equal(1.0, Number(own!["metadata"]!["total_spend"]));
        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
        Assert.Equal(3.0, Number(teams!["metadata"]!["total_spend"]));
        Assert.Equal(HttpStatusCode.Forbidden, otherTeamStatus);
        Assert.Equal(HttpStatusCode.Forbidden, customerStatus);
    }

    [Fact]
    public async Task OrganizationCustomerAndTagActivity_FilterByTheirIds()
    {
        var org = ManagementFixture.NewId("org");
        await AddAsync(fixture,
            Daily(new DailyOrganizationSpend { Id = Id(), Date = "2024-06-01", ApiKey = "k", OrganizationId = org }, 4),
            Daily(new DailyEndUserSpend { Id = Id(), Date = "2024-06-01", ApiKey = "k", EndUserId = org + "-cust" }, 5),
            Daily(new DailyTagSpend { Id = Id(), Date = "2024-06-01", ApiKey = "k", Tag = org + "-tag" }, 6),
            Daily(new DailyTagSpend { Id = Id(), Date = "2024-06-01", ApiKey = "k", Tag = org + "-tag" }, 1, model: "gpt-4o-mini"));

        var orgs = await AdminGetAsync(fixture, $"/organization/daily/activity?start_date=2024-06-01&end_date=2024-06-01&organization_ids={org}");
        var customers = await AdminGetAsync(fixture, $"/end_user/daily/activity?start_date=2024-06-01&end_date=2024-06-01&end_user_ids={org}-cust");
        var tags = await AdminGetAsync(fixture, $"/tag/daily/activity?start_date=2024-06-01&end_date=2024-06-01&tags={org}-tag&model=gpt-4o");

        Assert.Equal(4.0, Number(orgs["metadata"]!["total_spend"]));
        Assert.Equal(5.0, Number(customers["metadata"]!["total_spend"]));
        Assert.Equal(6.0, Number(tags["metadata"]!["total_spend"]));
    }

    [Theory]
    [InlineData("/user/daily/activity?start_date=2024-01-01")]
    [InlineData("/user/daily/activity?start_date=01/02/2024&end_date=2024-01-03")]
    [InlineData("/team/daily/activity?start_date=2024-02-01&end_date=2024-01-01")]
    [InlineData("/tag/daily/activity?start_date=2024-01-01&end_date=2024-01-02&page=0")]
    [InlineData("/user/daily/activity/aggregated?start_date=2024-01-01&end_date=2024-01-02&api_key_limit=0")]
    [InlineData("/team/daily/activity/aggregated?start_date=2024-01-01&end_date=2024-01-02&api_key_limit=1001")]
    public async Task BadInput_400InLiteLLMsErrorShape(string path)
    {
        var (status, body) = await GetAsync(fixture, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("400", body!["error"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["error"]!["message"]!.GetValue<string>()));
    }
}
