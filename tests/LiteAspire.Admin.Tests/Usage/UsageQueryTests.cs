using LiteAspire.Admin.Components.Pages.Usage;

namespace LiteAspire.Admin.Tests.Usage;

public class UsageQueryTests
{
    private static readonly DateOnly Today = new(2026, 12, 8);

    [Fact]
    public void Default_IsTheLast30Days_PerTeamForAdmins_PerKeyForOthers()
    {
        Assert.Equal(new UsageQuery(UsageGrouping.Team, new DateOnly(2026, 11, 9), Today), UsageQuery.FromUrl(null, null, null, Today, canReadAll: true));
        Assert.Equal(new UsageQuery(UsageGrouping.Key, new DateOnly(2026, 11, 9), Today), UsageQuery.FromUrl(null, null, null, Today, canReadAll: false));
        Assert.Equal("/usage", UsageQuery.Default(Today, canReadAll: true).ToPageUrl(Today, canReadAll: true));
    }

    [Theory]
    [InlineData("Model", UsageGrouping.Model)]
    [InlineData("tag", UsageGrouping.Tag)]
    [InlineData("7", UsageGrouping.Team)]
    [InlineData("teams", UsageGrouping.Team)]
    public void FromUrl_ReadsTheGrouping_UnknownOnesFallBack(string group, UsageGrouping expected) =>
        Assert.Equal(expected, UsageQuery.FromUrl(group, null, null, Today, canReadAll: true).Grouping);

    [Fact]
    public void Problem_NamesABackwardsOrTooLongRange()
    {
        Assert.Null(new UsageQuery(UsageGrouping.Team, Today.AddDays(-365), Today).Problem);
        Assert.Contains("366", new UsageQuery(UsageGrouping.Team, Today.AddDays(-366), Today).Problem, StringComparison.Ordinal);
        Assert.Contains("starts after it ends", new UsageQuery(UsageGrouping.Team, Today, Today.AddDays(-1)).Problem, StringComparison.Ordinal);
    }
}
