using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LiteAspire.Data.Budgets;

/// <summary>
/// LiteLLM's durations for <c>duration</c> and <c>budget_duration</c>: a whole number and a unit, <c>s</c>, <c>m</c>,
/// <c>h</c>, <c>d</c>, <c>w</c> or <c>mo</c> (calendar months), e.g. <c>30s</c>, <c>30d</c>, <c>1mo</c>.
/// </summary>
public readonly record struct LiteLLMDuration(int Amount, DurationUnit Unit)
{
    /// <summary>Parses <paramref name="text"/>; false for anything else (including zero or negative amounts).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LiteLLMDuration? duration)
    {
        duration = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        var suffixLength = value.EndsWith("mo", StringComparison.Ordinal) ? 2 : 1;
        DurationUnit? unit = suffixLength == 2 ? DurationUnit.Months : value[^1] switch
        {
            's' => DurationUnit.Seconds,
            'm' => DurationUnit.Minutes,
            'h' => DurationUnit.Hours,
            'd' => DurationUnit.Days,
            'w' => DurationUnit.Weeks,
            _ => null,
        };
        if (unit is null
            || !int.TryParse(value.AsSpan(0, value.Length - suffixLength), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0)
        {
            return false;
        }

        duration = new LiteLLMDuration(amount, unit.Value);
        return true;
    }

    /// <summary>
    /// The instant one duration after <paramref name="start"/> (months: same day and time, clamped to the month's end): a key's
    /// <c>duration</c> expiry. Budget periods end on calendar boundaries instead: <see cref="BudgetCalendar"/>.
    /// </summary>
    public DateTime After(DateTime start) => Unit switch
    {
        DurationUnit.Seconds => start.AddSeconds(Amount),
        DurationUnit.Minutes => start.AddMinutes(Amount),
        DurationUnit.Hours => start.AddHours(Amount),
        DurationUnit.Days => start.AddDays(Amount),
        DurationUnit.Weeks => start.AddDays(7 * Amount),
        _ => start.AddMonths(Amount),
    };

    /// <summary>
    /// The end of the period running at <paramref name="now"/>: <paramref name="periodEnd"/> while it is ahead, else the next
    /// boundary of <see cref="BudgetCalendar.Default"/> (calendar-aligned, in <c>litellm_settings.timezone</c>).
    /// </summary>
    public DateTime NextEndAfter(DateTime periodEnd, DateTime now) => BudgetCalendar.Default.PeriodEnd(this, periodEnd, now);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount}{Unit switch
    {
        DurationUnit.Seconds => "s",
        DurationUnit.Minutes => "m",
        DurationUnit.Hours => "h",
        DurationUnit.Days => "d",
        DurationUnit.Weeks => "w",
        _ => "mo",
    }}");
}

/// <summary>The unit of a <see cref="LiteLLMDuration"/>.</summary>
public enum DurationUnit
{
    /// <summary><c>s</c>.</summary>
    Seconds,

    /// <summary><c>m</c>.</summary>
    Minutes,

    /// <summary><c>h</c>.</summary>
    Hours,

    /// <summary><c>d</c>.</summary>
    Days,

    /// <summary><c>w</c>.</summary>
    Weeks,

    /// <summary><c>mo</c>: calendar months.</summary>
    Months,
}
