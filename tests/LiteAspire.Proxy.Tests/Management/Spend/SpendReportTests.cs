using System.Net;

using LiteAspire.Data.Schema;

using static LiteAspire.Proxy.Tests.Management.Spend.SpendData;

namespace LiteAspire.Proxy.Tests.Management.Spend;

/// <summary><c>/global/spend/report</c>: LiteLLM's team, customer and api_key shapes, and our key, model, tag and day groupings.</summary>
[Collection(SpendTests.Name)]
public sealed class SpendReportTests(ManagementFixture fixture)
{
    private const string Key1 = "1111111111111111111111111111111111111111111111111111111111111111";

    private const string Key2 = "2222222222222222222222222222222222222222222222222222222222222222";

    private const string Range = "start_date=2021-09-01&end_date=2021-09-02";

    private static readonly DateTime Day1 = new(2021, 9, 1, 8, 0, 0, DateTimeKind.Utc);

    // The tests share these rows; the first to run writes them.
    private static readonly SemaphoreSlim s_seeding = new(1, 1);

    private static bool s_seeded;

    private async Task SeedAsync()
    {
        await s_seeding.WaitAsync();
        try
        {
            if (!s_seeded)
            {
                await WriteRowsAsync();
                s_seeded = true;
            }
        }
        finally
        {
            s_seeding.Release();
        }
    }

    private async Task WriteRowsAsync()
    {
        var now = DateTime.UtcNow;
        await AddAsync(fixture,
            new TeamTable { TeamId = "report-t1", TeamAlias = "research", CreatedAt = now, UpdatedAt = now },
            Log("report-1", Day1, 1, Key1, model: "gpt-4o", team: "report-t1", endUser: "cust-1", tags: """["a"]"""),
            Log("report-2", Day1, 2, Key2, model: "claude", team: "report-t1", endUser: "cust-2", tags: """["a","b"]"""),
            Log("report-3", Day1.AddDays(1), 4, Key1, model: "gpt-4o", endUser: "cust-1"),
            Log("report-4", Day1.AddDays(5), 100, Key1, model: "gpt-4o"));
    }

    [Fact]
    public async Task GroupByTeam_IsLiteLLMsPerDayShape()
    {
        await SeedAsync();

        var report = (await AdminGetAsync(fixture, "/global/spend/report?" + Range)).AsArray();

        Assert.Equal(2, report.Count);
        Assert.Equal("2021-09-01T00:00:00+00:00", report[0]!["group_by_day"]!.GetValue<string>());
        var team = Assert.Single(report[0]!["teams"]!.AsArray())!;
        Assert.Equal(("research", 3.0), (team["team_name"]!.GetValue<string>(), Number(team["total_spend"])));
        Assert.Equal(2, team["metadata"]!.AsArray().Count);
        Assert.Equal("Unassigned Team", report[1]!["teams"]![0]!["team_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("customer", "customers", "customer", "cust-1", 1.0)]
    [InlineData("key", "keys", "api_key", Key2, 2.0)]
    [InlineData("model", "models", "model", "claude", 2.0)]
    [InlineData("tag", "tags", "tag", "a", 3.0)]
    public async Task GroupBy_SumsPerDayAndGroup(string groupBy, string list, string nameField, string name, double spendOnDay1)
    {
        await SeedAsync();

        var report = (await AdminGetAsync(fixture, $"/global/spend/report?{Range}&group_by={groupBy}")).AsArray();

        var group = report[0]![list]!.AsArray().Single(g => g![nameField]!.GetValue<string>() == name)!;
        Assert.Equal(spendOnDay1, Number(group["total_spend"]));
    }

    [Fact]
    public async Task GroupByDayAndApiKey_TotalPerDayAndPerKeyWithModels()
    {
        await SeedAsync();

        var days = (await AdminGetAsync(fixture, $"/global/spend/report?{Range}&group_by=day")).AsArray();
        var keys = (await AdminGetAsync(fixture, $"/global/spend/report?{Range}&group_by=api_key")).AsArray();
        var one = (await AdminGetAsync(fixture, $"/global/spend/report?{Range}&api_key={Key2}")).AsArray();

        Assert.Equal([3.0, 4.0], days.Select(d => Number(d!["total_spend"])));
        Assert.Equal((Key1, 5.0), (keys[0]!["api_key"]!.GetValue<string>(), Number(keys[0]!["total_cost"])));
        Assert.Equal((10, 10), (keys[0]!["total_input_tokens"]!.GetValue<long>(), keys[0]!["total_output_tokens"]!.GetValue<long>()));
        Assert.Equal("claude", Assert.Single(Assert.Single(one)!["model_details"]!.AsArray())!["model"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/global/spend/report?start_date=2021-09-01&end_date=2021-09-02&group_by=planet")]
    [InlineData("/global/spend/report?start_date=2021-09-01")]
    [InlineData("/global/spend/report?start_date=2021-09-01&end_date=2021/09/02")]
    public async Task BadInput_400(string path)
    {
        var (status, body) = await GetAsync(fixture, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad_request_error", body!["error"]!["type"]!.GetValue<string>());
    }
}
