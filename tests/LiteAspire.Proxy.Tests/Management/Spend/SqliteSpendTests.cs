using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;

using static LiteAspire.Proxy.Tests.Management.Spend.SpendData;

namespace LiteAspire.Proxy.Tests.Management.Spend;

/// <summary>The spend queries on the embedded SQLite database: the same LINQ (and tag unnesting) must translate there too.</summary>
public sealed class SqliteSpendTests : IAsyncLifetime, IDisposable
{
    private const string MasterKey = "sk-sqlite-spend-1234";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-spend-sqlite-");
    private ProxyFactory _proxy = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var config = Path.Combine(_folder.FullName, "config.yaml");
        await File.WriteAllTextAsync(config, $"""
            general_settings:
              master_key: {MasterKey}
              database_url: "sqlite:///{Path.Combine(_folder.FullName, "litellm.db")}"
            """);
        _proxy = new ProxyFactory(new Dictionary<string, string?> { ["config"] = config });
        _client = _proxy.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MasterKey);
        var at = new DateTime(2024, 8, 1, 10, 0, 0, DateTimeKind.Utc);
        await AddAsync(_proxy,
            new TeamTable { TeamId = "t1", TeamAlias = "research", CreatedAt = at, UpdatedAt = at },
            Log("r1", at, 1, "k1", team: "t1", tags: """["a","b"]"""),
            Log("r2", at.AddHours(1), 2, "k2", model: "claude", tags: """["a"]"""),
            Log("r3", at.AddDays(1), 4, "k1", tags: "not json"),
            Daily(new DailyTeamSpend { Id = Id(), Date = "2024-08-01", ApiKey = "k1", TeamId = "t1" }, 1),
            Daily(new DailyTeamSpend { Id = Id(), Date = "2024-08-02", ApiKey = "k1", TeamId = "t1" }, 4, model: null),
            Daily(new DailyTagSpend { Id = Id(), Date = "2024-08-01", ApiKey = "k1", Tag = "a" }, 1),
            Daily(new DailyTagSpend { Id = Id(), Date = "2024-08-01", ApiKey = "k2", Tag = "a" }, 2, model: "claude"),
            Daily(new DailyTagSpend { Id = Id(), Date = "2024-08-01", ApiKey = "k1", Tag = "b" }, 1));
    }

    [Fact]
    public async Task DailyActivity_SumsAndPagesOnSqlite()
    {
        var body = await GetAsync("/team/daily/activity?start_date=2024-08-01&end_date=2024-08-31&page_size=1");

        Assert.Equal(4.0, Number(body["metadata"]!["total_spend"]));
        Assert.Equal(2, body["metadata"]!["total_pages"]!.GetValue<int>());
        Assert.Equal("research", body["results"]![0]!["breakdown"]!["entities"]!["t1"]!["metadata"]!["team_alias"]!.GetValue<string>());
    }

    [Fact]
    public async Task AggregatedActivity_GroupsOnSqlite()
    {
        var body = await GetAsync("/team/daily/activity/aggregated?start_date=2024-08-01&end_date=2024-08-31&api_key_limit=1");

        Assert.Equal((5.0, 1, 1), (Number(body["metadata"]!["total_spend"]), body["metadata"]!["total_api_keys"]!.GetValue<int>(),
            body["metadata"]!["api_key_limit"]!.GetValue<int>()));
        Assert.Equal(["2024-08-02", "2024-08-01"], body["results"]!.AsArray().Select(r => r!["date"]!.GetValue<string>()));
        Assert.Equal(1.0, Number(body["results"]![1]!["breakdown"]!["api_keys"]!["k1"]!["metrics"]!["spend"]));
    }

    [Fact]
    public async Task ReportTagsAndLogs_GroupOnSqlite()
    {
        var teams = await GetAsync("/global/spend/report?start_date=2024-08-01&end_date=2024-08-02");
        var tags = await GetAsync("/global/spend/report?start_date=2024-08-01&end_date=2024-08-02&group_by=tag");
        var perTag = await GetAsync("/global/spend/tags?start_date=2024-08-01&end_date=2024-08-02");
        var summary = await GetAsync("/spend/logs?start_date=2024-08-01&end_date=2024-08-02");
        var page = await GetAsync("/spend/logs/ui?start_date=2024-08-01 00:00:00&end_date=2024-08-01 23:59:59&page_size=1");

        Assert.Equal("research", teams[0]!["teams"]!.AsArray().Single(t => Number(t!["total_spend"]) == 1)!["team_name"]!.GetValue<string>());
        Assert.Equal(3.0, Number(tags[0]!["tags"]!.AsArray().Single(t => t!["tag"]!.GetValue<string>() == "a")!["total_spend"]));
        Assert.Equal((3.0, 2), (Number(perTag["spend_per_tag"]![0]!["spend"]), perTag["spend_per_tag"]![0]!["log_count"]!.GetValue<int>()));
        Assert.Equal([3.0, 4.0], summary.AsArray().Select(d => Number(d!["spend"])));
        Assert.Equal(("r2", 2), (page["data"]![0]!["request_id"]!.GetValue<string>(), page["total"]!.GetValue<int>()));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client.Dispose();
        _proxy.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
