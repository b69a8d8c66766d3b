using System.Globalization;

namespace LiteAspire.Admin.Components.Shared;

/// <summary>How the dashboard writes money, dates and limits (invariant culture, UTC).</summary>
public static class DisplayFormat
{
    /// <summary>
    /// Style for MudAlerts with a colour: MudBlazor's default palette writes their text in the severity colour, below AA
    /// contrast (axe: 2.2 to 3.9 : 1, light and dark); the text takes the theme's primary text colour, the icon keeps the colour.
    /// </summary>
    public const string ReadableAlert = "color: var(--mud-palette-text-primary)";

    /// <summary>USD as <see cref="Shared.Money"/> writes it.</summary>
    public static string Money(double amount) => Shared.Money.Format(amount);

    /// <summary>A budget, or "no limit".</summary>
    public static string Budget(double? amount) => amount is { } value ? Money(value) : "no limit";

    /// <summary>A date (UTC), or <paramref name="none"/>.</summary>
    public static string Date(DateTimeOffset? value, string none = "—") =>
        value is { } date ? date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : none;

    /// <summary>A date and time (UTC), or <paramref name="none"/>.</summary>
    public static string DateTime(DateTimeOffset? value, string none = "—") =>
        value is { } date ? date.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : none;

    /// <summary>A limit, or "no limit".</summary>
    public static string Limit(long? value) => value is { } limit ? limit.ToString("#,##0", CultureInfo.InvariantCulture) : "no limit";
}
