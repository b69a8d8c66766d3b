using LiteAspire.Admin.Components.Pages.SpendLogs;

namespace LiteAspire.Admin.Tests.SpendLogs;

public class SpendLogQueryTests
{
    private static readonly DateOnly Today = new(2026, 12, 8);

    [Fact]
    public void FromUrl_Nothing_IsTheLastSevenDaysFirstPage()
    {
        var query = SpendLogQuery.FromUrl(null, null, null, null, null, null, null, null, Today);

        Assert.Equal(new SpendLogQuery(null, null, null, null, null, new DateOnly(2026, 12, 2), Today, 1), query);
        Assert.Equal("/spend-logs", query.ToPageUrl(Today));
    }

    [Fact]
    public void FromUrl_MalformedValues_FallBackToTheDefaults()
    {
        var query = SpendLogQuery.FromUrl(" ", "", null, null, "maybe", "12/01/2026", "yesterday", -3, Today);

        Assert.Equal(SpendLogQuery.Default(Today), query);
    }

    [Fact]
    public void PageUrl_RoundTripsThroughFromUrl()
    {
        var query = new SpendLogQuery("ci bot&co", "alice", "team-search", "gpt-4o", "failure", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 4);

        var url = query.ToPageUrl(Today);
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://admin" + url).Query);
        string? Value(string name) => parameters.TryGetValue(name, out var v) ? v.ToString() : null;

        Assert.Equal(query, SpendLogQuery.FromUrl(Value("key"), Value("user"), Value("team"), Value("model"), Value("status"), Value("from"), Value("to"),
            int.Parse(Value("page")!, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Fact]
    public void PageUrl_KeepsARangeWhole_LeavesOutOnlyTheDefaultOne()
    {
        var fromOnly = SpendLogQuery.Default(Today) with { From = new DateOnly(2026, 11, 1) };

        Assert.Equal("/spend-logs?from=2026-11-01&to=2026-12-08", fromOnly.ToPageUrl(Today));
        Assert.Equal("/spend-logs?model=gpt-4o&page=2", (SpendLogQuery.Default(Today) with { Model = "gpt-4o", Page = 2 }).ToPageUrl(Today));
    }
}
