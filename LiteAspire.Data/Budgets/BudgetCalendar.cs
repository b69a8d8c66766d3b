namespace LiteAspire.Data.Budgets;

/// <summary>
/// Where LiteLLM's budget periods end (its <c>get_budget_reset_time</c>), in the time zone of <c>litellm_settings.timezone</c>
/// (UTC by default). Every <c>budget_reset_at</c> LiteAspire writes, and every live spend counter's expiry, comes from here.
/// </summary>
/// <remarks>
/// The next end is counted from <em>now</em>, on the zone's wall clock, aligned to the calendar:
/// <list type="bullet">
/// <item><c>1d</c> (and <c>24h</c>): the next midnight; <c>7d</c> and <c>1w</c>: the next Monday's midnight (a Monday goes to the
/// following one); <c>30d</c> and <c>1mo</c>: midnight on the 1st of next month; <c>Nmo</c>: the 1st, N months on.</item>
/// <item>other <c>Nd</c> / <c>Nw</c>: today's midnight plus N days (7N days).</item>
/// <item><c>Nh</c>: the next whole hour of the day that is a multiple of N (from midnight); <c>Nm</c>: the next minute of the hour
/// that is a multiple of N; <c>Ns</c>: the next second of the minute that is a multiple of N. When the multiple runs past the
/// day, hour or minute, the time simply carries on (<c>48h</c> is the midnight after next; LiteLLM wraps it into tomorrow).</item>
/// </list>
/// A wall-clock time that a DST change skips moves on by the gap (02:30 on a spring-forward night is 03:30); one that occurs twice
/// is its first occurrence, unless that is not after now.
/// </remarks>
public sealed class BudgetCalendar
{
    /// <summary>Periods in UTC, LiteLLM's default.</summary>
    public static BudgetCalendar Utc { get; } = new(TimeZoneInfo.Utc);

    private static BudgetCalendar s_default = Utc;

    /// <summary>Periods in <paramref name="zone"/>.</summary>
    public BudgetCalendar(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>
    /// The process's calendar, from <c>litellm_settings.timezone</c>: set once at start by the Proxy and the Worker (LiteLLM's
    /// <c>litellm.timezone</c> is process-wide too), read by the management writes that start a period.
    /// </summary>
    public static BudgetCalendar Default
    {
        get => Volatile.Read(ref s_default);
        set => Volatile.Write(ref s_default, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The zone whose midnights and Mondays periods end on.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>
    /// The calendar of <paramref name="timezone"/> (an IANA name such as <c>US/Eastern</c> or <c>Asia/Kolkata</c>); UTC when it is
    /// empty, or, with <paramref name="warning"/> set, when the name is unknown (as LiteLLM falls back).
    /// </summary>
    public static BudgetCalendar FromTimeZoneName(string? timezone, out string? warning)
    {
        warning = null;
        if (string.IsNullOrWhiteSpace(timezone) || timezone.Trim() is "UTC" or "utc" or "Etc/UTC")
        {
            return Utc;
        }

        try
        {
            return new BudgetCalendar(TimeZoneInfo.FindSystemTimeZoneById(timezone.Trim()));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            warning = $"litellm_settings.timezone '{timezone}' is not a known time zone; budget periods use UTC.";
            return Utc;
        }
    }

    /// <summary>When a period of <paramref name="budgetDuration"/> that starts at <paramref name="nowUtc"/> ends; null when the duration is not one.</summary>
    public DateTime? NextReset(string? budgetDuration, DateTime nowUtc) =>
        LiteLLMDuration.TryParse(budgetDuration, out var duration) ? NextReset(duration.Value, nowUtc) : null;

    /// <summary>The end of the period running at <paramref name="nowUtc"/>: <paramref name="storedEnd"/> while it is ahead, else the next boundary.</summary>
    public DateTime PeriodEnd(LiteLLMDuration duration, DateTime storedEnd, DateTime nowUtc) =>
        storedEnd > nowUtc ? storedEnd : NextReset(duration, nowUtc);

    /// <summary>When a period of <paramref name="duration"/> that starts at <paramref name="nowUtc"/> ends (UTC, always after it).</summary>
    public DateTime NextReset(LiteLLMDuration duration, DateTime nowUtc)
    {
        var utc = nowUtc.Kind == DateTimeKind.Local ? nowUtc.ToUniversalTime() : DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);
        var midnight = local.Date;
        var n = duration.Amount;
        var wall = duration.Unit switch
        {
            DurationUnit.Days => Days(local, midnight, n),
            DurationUnit.Weeks => Days(local, midnight, 7 * n),
            DurationUnit.Months => FirstOfMonth(midnight, n),
            DurationUnit.Hours => midnight.AddHours(NextMultiple(local.Hour, n)),
            DurationUnit.Minutes => midnight.AddHours(local.Hour).AddMinutes(NextMultiple(local.Minute, n)),
            _ => midnight.AddHours(local.Hour).AddMinutes(local.Minute).AddSeconds(NextMultiple(local.Second, n)),
        };
        return ToUtc(wall, utc);
    }

    private static DateTime Days(DateTime local, DateTime midnight, int days) => days switch
    {
        1 => midnight.AddDays(1),
        7 => midnight.AddDays(DaysToNextMonday(local.DayOfWeek)),
        30 => FirstOfMonth(midnight, 1),
        _ => midnight.AddDays(days),
    };

    // DayOfWeek counts from Sunday (0); from a Monday the next one is a week away.
    private static int DaysToNextMonday(DayOfWeek day) => (int)day == 1 ? 7 : (8 - (int)day) % 7;

    private static DateTime FirstOfMonth(DateTime midnight, int months) => new DateTime(midnight.Year, midnight.Month, 1).AddMonths(months);

    // The next multiple of n above value (value itself being a multiple counts as passed).
    private static int NextMultiple(int value, int n) => value + n - (value % n);

    private DateTime ToUtc(DateTime wall, DateTime nowUtc)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(wall))
        {
            // Skipped by a forward change: read with the offset before the change, which lands as far past the gap as it was in.
            var before = TimeSpan.FromTicks(Math.Min(Zone.GetUtcOffset(wall.AddDays(-1)).Ticks, Zone.GetUtcOffset(wall.AddDays(1)).Ticks));
            return DateTime.SpecifyKind(wall - before, DateTimeKind.Utc);
        }

        if (Zone.IsAmbiguousTime(wall))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(wall);
            Array.Sort(offsets);
            // The larger offset is the earlier instant: take it unless it is not after now.
            for (var i = offsets.Length - 1; i >= 0; i--)
            {
                var candidate = DateTime.SpecifyKind(wall - offsets[i], DateTimeKind.Utc);
                if (candidate > nowUtc || i == 0)
                {
                    return candidate;
                }
            }
        }

        return TimeZoneInfo.ConvertTimeToUtc(wall, Zone);
    }
}
