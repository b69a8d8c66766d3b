using LiteAspire.Data.Budgets;

namespace LiteAspire.Data.Tests.Budgets;

/// <summary>LiteLLM's get_budget_reset_time: calendar-aligned ends, in litellm_settings.timezone.</summary>
public sealed class BudgetCalendarTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    // 2026-03-15 is a Sunday.
    [InlineData("1d", "2026-03-15T12:00:00", "2026-03-16T00:00:00")]
    [InlineData("24h", "2026-03-15T12:00:00", "2026-03-16T00:00:00")]
    [InlineData("7d", "2026-03-15T12:00:00", "2026-03-16T00:00:00")]
    [InlineData("1w", "2026-03-15T12:00:00", "2026-03-16T00:00:00")]
    [InlineData("7d", "2026-03-16T00:00:00", "2026-03-23T00:00:00")]
    [InlineData("7d", "2026-03-18T09:30:00", "2026-03-23T00:00:00")]
    [InlineData("30d", "2026-03-15T12:00:00", "2026-04-01T00:00:00")]
    [InlineData("1mo", "2026-03-15T12:00:00", "2026-04-01T00:00:00")]
    [InlineData("1mo", "2026-12-31T23:59:59", "2027-01-01T00:00:00")]
    [InlineData("30d", "2026-12-01T00:00:00", "2027-01-01T00:00:00")]
    [InlineData("2mo", "2026-11-15T12:00:00", "2027-01-01T00:00:00")]
    [InlineData("3d", "2026-03-15T12:00:00", "2026-03-18T00:00:00")]
    [InlineData("2w", "2026-03-15T12:00:00", "2026-03-29T00:00:00")]
    [InlineData("5h", "2026-03-15T12:00:00", "2026-03-15T15:00:00")]
    [InlineData("1h", "2026-03-15T12:00:00", "2026-03-15T13:00:00")]
    [InlineData("1h", "2026-03-15T23:59:00", "2026-03-16T00:00:00")]
    [InlineData("48h", "2026-03-15T12:00:00", "2026-03-17T00:00:00")]
    [InlineData("30m", "2026-03-15T12:10:00", "2026-03-15T12:30:00")]
    [InlineData("30m", "2026-03-15T12:30:00", "2026-03-15T13:00:00")]
    [InlineData("30s", "2026-03-15T12:00:10", "2026-03-15T12:00:30")]
    [InlineData("30s", "2026-03-15T23:59:45", "2026-03-16T00:00:00")]
    public void Utc_EndsOnLiteLLMsCalendarBoundaries(string duration, string now, string expected) =>
        Assert.Equal(Utc(expected), BudgetCalendar.Utc.NextReset(duration, Utc(now)));

    [Fact]
    public void TimeZone_MidnightIsTheZonesMidnight()
    {
        var calendar = new BudgetCalendar(NewYork);

        // 03:00Z on the 15th is 23:00 EDT on the 14th: the period ends at midnight New York time, 04:00Z.
        Assert.Equal(Utc("2026-03-15T04:00:00"), calendar.NextReset("1d", Utc("2026-03-15T03:00:00")));
        // 1st of April in Kolkata (+05:30) while it is still the 31st of March in UTC.
        var kolkata = new BudgetCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));
        Assert.Equal(Utc("2026-04-30T18:30:00"), kolkata.NextReset("30d", Utc("2026-03-31T20:00:00")));
    }

    [Fact]
    public void SpringForward_MidnightsAreWallClockMidnights()
    {
        var calendar = new BudgetCalendar(NewYork);

        // New York skips 02:00-03:00 on 2026-03-08: midnight before it is -05:00, after it -04:00.
        Assert.Equal(Utc("2026-03-08T05:00:00"), calendar.NextReset("1d", Utc("2026-03-07T17:00:00")));
        Assert.Equal(Utc("2026-03-09T04:00:00"), calendar.NextReset("1d", Utc("2026-03-08T16:00:00")));
        // 01:30 EST + "1h" is 02:00, which does not exist: it is 03:00 EDT, half an hour later.
        Assert.Equal(Utc("2026-03-08T07:00:00"), calendar.NextReset("1h", Utc("2026-03-08T06:30:00")));
    }

    [Fact]
    public void FallBack_RepeatedHourEndsAfterNow()
    {
        var calendar = new BudgetCalendar(NewYork);

        // 2026-11-01: 01:00-02:00 happens twice (EDT, then EST).
        Assert.Equal(Utc("2026-11-01T04:00:00"), calendar.NextReset("1d", Utc("2026-10-31T16:00:00")));
        Assert.Equal(Utc("2026-11-02T05:00:00"), calendar.NextReset("1d", Utc("2026-11-01T17:00:00")));
        // First 01:10 (EDT): the next :30 is the first 01:30.
        Assert.Equal(Utc("2026-11-01T05:30:00"), calendar.NextReset("30m", Utc("2026-11-01T05:10:00")));
        // Second 01:10 (EST): the first 01:30 is already past, so the second one.
        Assert.Equal(Utc("2026-11-01T06:30:00"), calendar.NextReset("30m", Utc("2026-11-01T06:10:00")));
    }

    [Fact]
    public void WeeklyInAZone_IsTheZonesMonday()
    {
        // Sunday 22:00 in New York is already Monday 02:00 UTC: the period runs to the zone's next Monday.
        Assert.Equal(Utc("2026-03-16T04:00:00"), new BudgetCalendar(NewYork).NextReset("7d", Utc("2026-03-16T02:00:00")));
        Assert.Equal(Utc("2026-03-23T00:00:00"), BudgetCalendar.Utc.NextReset("7d", Utc("2026-03-16T02:00:00")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UTC")]
    public void NoTimeZone_IsUtc(string? name)
    {
        Assert.Same(BudgetCalendar.Utc, BudgetCalendar.FromTimeZoneName(name, out var warning));
        Assert.Null(warning);
    }

    [Fact]
    public void UnknownTimeZone_FallsBackToUtcWithAWarning()
    {
        Assert.Same(BudgetCalendar.Utc, BudgetCalendar.FromTimeZoneName("Mars/Olympus_Mons", out var warning));
        Assert.Contains("Mars/Olympus_Mons", warning, StringComparison.Ordinal);
        Assert.Equal(NewYork.Id, BudgetCalendar.FromTimeZoneName("America/New_York", out _).Zone.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("-1")]
    [InlineData("monthly")]
    public void NotADuration_NoReset(string? duration) => Assert.Null(BudgetCalendar.Utc.NextReset(duration, Utc("2026-03-15T12:00:00")));

    [Fact]
    public void PeriodEnd_KeepsAStoredEndAheadAndMovesAPastOneToTheNextBoundary()
    {
        Assert.True(LiteLLMDuration.TryParse("1d", out var day));
        var now = Utc("2026-03-15T12:00:00");

        Assert.Equal(Utc("2026-03-15T18:00:00"), BudgetCalendar.Utc.PeriodEnd(day.Value, Utc("2026-03-15T18:00:00"), now));
        Assert.Equal(Utc("2026-03-16T00:00:00"), BudgetCalendar.Utc.PeriodEnd(day.Value, Utc("2025-01-01T00:00:00"), now));
    }

    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
