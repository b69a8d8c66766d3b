using System.Text.Json;

using LiteAspire.Admin.Components.Pages.Usage;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Spend;

namespace LiteAspire.Admin.Tests.Usage;

public class UsageReportBuilderTests
{
    private static readonly UsageQuery Range = new(UsageGrouping.Team, new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 8));

    private static DailyActivityResponse Read(string json) => JsonSerializer.Deserialize<DailyActivityResponse>(json, ProxyJson.Options)!;

    [Fact]
    public void Build_ListsEveryDayOfTheRange_DaysWithoutSpendAtZero()
    {
        var report = new UsageReportBuilder(UsageGrouping.Team).Add(Read(UsageFixtures.TeamActivity)).Build(Range);

        Assert.Equal(["2026-12-06", "2026-12-07", "2026-12-08"], report.Days);
        Assert.Equal([0, 0, 0.00029414999999999997], report.SpendPerDay);
        Assert.Equal([0, 0, 10], report.RequestsPerDay);
        Assert.Equal(new UsageTotals(0.00029414999999999997, 10, 1, 100), report.Totals);
    }

    [Fact]
    public void Build_Teams_AreNamedByAlias_HighestSpendFirst()
    {
        var report = new UsageReportBuilder(UsageGrouping.Team).Add(Read(UsageFixtures.TeamActivity)).Build(Range);

        Assert.Equal(
            [
                new UsageGroup("team-research", "research, \"R&D\"", 0.0002625, 4, 1, 9, 24, 33),
                new UsageGroup("team-search", "search", 0.00003165, 6, 0, 19, 48, 67),
            ],
            report.Groups);
    }

    [Fact]
    public void Build_KeysWithoutAnAlias_ShowTheStartOfTheirHash()
    {
        var json = UsageFixtures.UserActivity.Replace("\"key_alias\": \"ci-bot\"", "\"key_alias\": null", StringComparison.Ordinal);

        var report = new UsageReportBuilder(UsageGrouping.Key).Add(Read(json)).Build(Range with { Grouping = UsageGrouping.Key });

        var group = report.Groups.Single(g => g.Id.StartsWith("099ddf9e", StringComparison.Ordinal));
        Assert.Equal("099ddf9e…", group.Name);
    }

    [Fact]
    public void Add_PagesAddUp()
    {
        var page = Read(UsageFixtures.TagActivity);

        var report = new UsageReportBuilder(UsageGrouping.Tag).Add(page).Add(page).Build(Range with { Grouping = UsageGrouping.Tag });

        Assert.Equal(28, report.Totals.Requests);
        Assert.Equal(10, report.Groups.Single(g => g.Id == "prod").Requests);
    }

    [Fact]
    public void Build_CoveredFrom_ListsOnlyTheCoveredDays()
    {
        var report = new UsageReportBuilder(UsageGrouping.Team).Add(Read(UsageFixtures.TeamActivity)).Build(Range, new DateOnly(2026, 12, 8));

        Assert.Equal(["2026-12-08"], report.Days);
        Assert.True(report.Partial);
        Assert.Equal(new DateOnly(2026, 12, 8), report.CoveredFrom);
    }
}
