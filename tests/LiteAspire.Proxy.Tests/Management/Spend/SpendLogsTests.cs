using System.Net;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using static LiteAspire.Proxy.Tests.Management.Spend.SpendData;

namespace LiteAspire.Proxy.Tests.Management.Spend;

/// <summary><c>/spend/logs</c> and <c>/spend/logs/ui</c>: LiteLLM's column names, filters, summary, paging and who sees what.</summary>
[Collection(SpendTests.Name)]
public sealed class SpendLogsTests(ManagementFixture fixture)
{
    private static readonly DateTime Day = new(2024, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Logs_FilterByRawKeyOrHashUserTeamAndRequest_WithLiteLLMsColumns()
    {
        var id = ManagementFixture.NewId("req");
        var key = "sk-" + Guid.NewGuid().ToString("N");
        var hash = VirtualKeys.Hash(key);
        await AddAsync(fixture,
            Log(id + "-1", Day, 0.25, hash, user: id + "-u", team: id + "-t", tags: """["prod"]"""),
            Log(id + "-2", Day.AddHours(1), 0.5, hash, model: "claude"),
            Log(id + "-3", Day, 7, "other-key", user: id + "-u"));

        var byKey = await AdminGetAsync(fixture, $"/spend/logs?api_key={key}");
        var byHash = await AdminGetAsync(fixture, $"/spend/logs?api_key={hash}&model=claude");
        var byUser = await AdminGetAsync(fixture, $"/spend/logs?user_id={id}-u");
        var byTeam = await AdminGetAsync(fixture, $"/spend/logs?team_id={id}-t");
        var byRequest = await AdminGetAsync(fixture, $"/spend/logs?request_id={id}-3");

        Assert.Equal([id + "-2", id + "-1"], byKey.AsArray().Select(r => r!["request_id"]!.GetValue<string>()));
        Assert.Equal(id + "-2", Assert.Single(byHash.AsArray())!["request_id"]!.GetValue<string>());
        Assert.Equal(7.25, byUser.AsArray().Sum(r => Number(r!["spend"])));
        var row = Assert.Single(byTeam.AsArray())!;
        Assert.Equal("2024-03-10T12:00:00.000Z", row["startTime"]!.GetValue<string>());
        Assert.Equal("prod", row["request_tags"]![0]!.GetValue<string>());
        Assert.Equal(hash, row["api_key"]!.GetValue<string>());
        Assert.Equal(7.0, Number(Assert.Single(byRequest.AsArray())!["spend"]));
    }

    [Fact]
    public async Task Logs_WithDates_SummarizesPerDayUnlessSummarizeFalse()
    {
        var id = ManagementFixture.NewId("sum");
        var start = new DateTime(2023, 7, 1, 9, 0, 0, DateTimeKind.Utc);
        await AddAsync(fixture, Log(id + "-1", start, 1, id + "-k", user: id + "-u"), Log(id + "-2", start.AddHours(2), 2, id + "-k", user: id + "-u", model: "claude"));

        var summary = await AdminGetAsync(fixture, $"/spend/logs?start_date=2023-07-01&end_date=2023-07-03&user_id={id}-u");
        var rows = await AdminGetAsync(fixture, $"/spend/logs?start_date=2023-07-01&end_date=2023-07-01&user_id={id}-u&summarize=false");

        var days = summary.AsArray();
        Assert.Equal(["2023-07-01", "2023-07-02", "2023-07-03"], days.Select(d => d!["startTime"]!.GetValue<string>()));
        Assert.Equal(3.0, Number(days[0]!["spend"]));
        Assert.Equal(3.0, Number(days[0]![id + "-k"]));
        Assert.Equal(2.0, Number(days[0]!["models"]!["claude"]));
        Assert.Equal(0.0, Number(days[2]!["spend"]));
        Assert.Equal(2, rows.AsArray().Count);
    }

    [Fact]
    public async Task Ui_PagesNewestFirstWithTotals()
    {
        var team = ManagementFixture.NewId("team");
        await AddAsync(fixture, [.. Enumerable.Range(0, 5).Select(i => Log($"{team}-{i}", Day.AddMinutes(i), i, team: team))]);

        var page = await AdminGetAsync(fixture, $"/spend/logs/ui?start_date=2024-03-10 00:00:00&end_date=2024-03-10 23:59:59&team_id={team}&page=2&page_size=2&min_spend=1");

        Assert.Equal([$"{team}-2", $"{team}-1"], page["data"]!.AsArray().Select(r => r!["request_id"]!.GetValue<string>()));
        Assert.Equal((4, 2, 2, 2), (page["total"]!.GetValue<int>(), page["page"]!.GetValue<int>(), page["page_size"]!.GetValue<int>(), page["total_pages"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Ui_FilterByModel_PagesInTheDatabase_EqualTimesByRequestIdDescending()
    {
        var model = ManagementFixture.NewId("model");
        await AddAsync(fixture,
            Log(model + "-a", Day.AddHours(1), 1, model: model), Log(model + "-b", Day.AddHours(1), 1, model: model),
            Log(model + "-c", Day.AddHours(2), 1, model: model), Log(model + "-d", Day.AddHours(3), 1, model: model + "-other"));

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var body = await AdminGetAsync(fixture, $"/spend/logs/ui?start_date=2024-03-10&end_date=2024-03-10&model={model}&page={page}&page_size=1");
            Assert.Equal(3, body["total"]!.GetValue<int>());
            pages.AddRange(body["data"]!.AsArray().Select(r => r!["request_id"]!.GetValue<string>()));
        }

        Assert.Equal([model + "-c", model + "-b", model + "-a"], pages);
    }

    [Fact]
    public async Task InternalUser_SeesOwnLogs_TeamAdminSeesTeamLogs_OthersAreRefused()
    {
        var team = ManagementFixture.NewId("team");
        var (userId, key) = await UserAsync(fixture, LiteLLMRoles.InternalUser, team);
        var (adminId, adminKey) = await UserAsync(fixture, LiteLLMRoles.InternalUser, team);
        await AddAsync(fixture,
            new TeamTable
            {
                TeamId = team, MembersWithRoles = $$"""[{"role":"admin","user_id":"{{adminId}}"},{"role":"user","user_id":"{{userId}}"}]""",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            },
            Log(team + "-own", Day, 1, user: userId, team: team),
            Log(team + "-other", Day, 2, user: "someone-else", team: team));

        var (_, own) = await GetAsync(fixture, "/spend/logs", key);
        var (otherStatus, _) = await GetAsync(fixture, "/spend/logs?user_id=someone-else", key);
        var (memberTeamStatus, _) = await GetAsync(fixture, $"/spend/logs?team_id={team}&user_id=someone-else", key);
        var (_, teamLogs) = await GetAsync(fixture, $"/spend/logs?team_id={team}", adminKey);

        Assert.Equal([team + "-own"], own!.AsArray().Select(r => r!["request_id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
        Assert.Equal(HttpStatusCode.Forbidden, memberTeamStatus);
        Assert.Equal(3.0, teamLogs!.AsArray().Sum(r => Number(r!["spend"])));
    }

    [Theory]
    [InlineData("/spend/logs?start_date=yesterday&end_date=2024-01-01")]
    [InlineData("/spend/logs/ui?start_date=2024-01-01")]
    [InlineData("/spend/logs/ui?start_date=2024-01-01&end_date=2024-01-02&page_size=500")]
    [InlineData("/spend/logs?summarize=maybe")]
    public async Task BadInput_400(string path)
    {
        var (status, body) = await GetAsync(fixture, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("400", body!["error"]!["code"]!.GetValue<string>());
    }
}
