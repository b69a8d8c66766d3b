using LiteAspire.Data.Budgets;
using LiteAspire.Proxy.Budgets;

namespace LiteAspire.Proxy.Tests.Budgets;

public sealed class SpendScopeTests
{
    private static readonly DateTime Now = new(2026, 3, 15, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("30s", 0, 0, 30)]
    [InlineData("30m", 0, 30, 0)]
    [InlineData("5h", 5, 0, 0)]
    public void Duration_ParsesLiteLLMsUnits(string text, int hours, int minutes, int seconds)
    {
        Assert.True(LiteLLMDuration.TryParse(text, out var duration));
        Assert.Equal(Now.Add(new TimeSpan(hours, minutes, seconds)), duration.Value.After(Now));
        Assert.Equal(text, duration.Value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("1y")]
    [InlineData("d")]
    public void Duration_RefusesAnythingElse(string text) => Assert.False(LiteLLMDuration.TryParse(text, out _));

    [Fact]
    public void Months_AreCalendarMonths()
    {
        Assert.True(LiteLLMDuration.TryParse("1mo", out var month));
        Assert.Equal(new DateTime(2026, 2, 28, 0, 0, 0, DateTimeKind.Utc), month.Value.After(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void SpendBeforeThePeriodEnds_CountsAfterwardsIsZero()
    {
        var scope = new SpendScope("key", "t", 12.5, Now.AddSeconds(1), "30s");

        Assert.Equal(12.5, scope.SeedAt(Now));
        Assert.Equal(0, scope.SeedAt(Now.AddSeconds(1)));
    }

    [Fact]
    public void PeriodEnd_SkipsWholePeriodsOfALongIdleRow()
    {
        var scope = new SpendScope("key", "t", 1, Now.AddDays(-365), "30s");

        var end = scope.PeriodEndAt(Now)!.Value;

        Assert.True(end > Now && end <= Now.AddSeconds(30), $"{end:O}");
        Assert.Equal(0, (end - Now.AddDays(-365)).Ticks % TimeSpan.FromSeconds(30).Ticks);
    }

    [Fact]
    public void NoResetDate_NeverEnds() => Assert.Null(new SpendScope("key", "t", 1, null, null).PeriodEndAt(Now));
}
