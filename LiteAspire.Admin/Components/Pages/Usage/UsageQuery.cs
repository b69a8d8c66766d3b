using System.Globalization;

using Microsoft.AspNetCore.WebUtilities;

namespace LiteAspire.Admin.Components.Pages.Usage;

/// <summary>How the usage report groups spend.</summary>
public enum UsageGrouping
{
    /// <summary>Per team.</summary>
    Team,

    /// <summary>Per virtual key.</summary>
    Key,

    /// <summary>Per model.</summary>
    Model,

    /// <summary>Per request tag (admins).</summary>
    Tag,
}

/// <summary>What the usage page shows: a grouping and a range of UTC days. Read from and written to the page's URL.</summary>
/// <param name="Grouping">The grouping.</param>
/// <param name="From">First day, included.</param>
/// <param name="To">Last day, included.</param>
public sealed record UsageQuery(UsageGrouping Grouping, DateOnly From, DateOnly To)
{
    /// <summary>The default range's length: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    /// <summary>The longest range the page charts day by day.</summary>
    public const int MaxDays = 366;

    /// <summary>The groupings <paramref name="canReadAll"/> may use: tag activity is for admins, as in LiteLLM.</summary>
    public static IReadOnlyList<UsageGrouping> GroupingsFor(bool canReadAll) =>
        canReadAll ? [UsageGrouping.Team, UsageGrouping.Key, UsageGrouping.Model, UsageGrouping.Tag] : [UsageGrouping.Team, UsageGrouping.Key, UsageGrouping.Model];

    /// <summary>The default view: admins per team, others per key (their own), over the last 30 days.</summary>
    public static UsageQuery Default(DateOnly today, bool canReadAll) =>
        new(canReadAll ? UsageGrouping.Team : UsageGrouping.Key, today.AddDays(1 - DefaultDays), today);

    /// <summary>The query a URL's parameters describe; missing, unknown or not-allowed values fall back to the defaults.</summary>
    public static UsageQuery FromUrl(string? group, string? from, string? to, DateOnly today, bool canReadAll)
    {
        var defaults = Default(today, canReadAll);
        var grouping = Enum.TryParse<UsageGrouping>(group, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && GroupingsFor(canReadAll).Contains(parsed) ? parsed : defaults.Grouping;
        return new UsageQuery(grouping, ParseDay(from) ?? defaults.From, ParseDay(to) ?? defaults.To);
    }

    /// <summary>Why the range cannot be shown, or null.</summary>
    public string? Problem => From > To ? "The range starts after it ends."
        : To.DayNumber - From.DayNumber + 1 > MaxDays ? $"Choose at most {MaxDays} days."
        : null;

    /// <summary>Every day of the range, first to last.</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>The grouping's name in the URL, the CSV and the proxy (<c>team</c>, <c>key</c>, ...).</summary>
    public string GroupName => Grouping.ToString().ToLowerInvariant();

    /// <summary>The page's URL; the default grouping and the default range (a moving "last 30 days") are left out.</summary>
    public string ToPageUrl(DateOnly today, bool canReadAll)
    {
        var defaults = Default(today, canReadAll);
        var defaultRange = From == defaults.From && To == defaults.To;
        var pairs = new Dictionary<string, string?>
        {
            ["group"] = Grouping == defaults.Grouping ? null : GroupName,
            ["from"] = defaultRange ? null : Day(From),
            ["to"] = defaultRange ? null : Day(To),
        };
        return QueryHelpers.AddQueryString("/usage", pairs.Where(p => p.Value is not null));
    }

    /// <summary>A UTC day as <c>YYYY-MM-DD</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A <c>YYYY-MM-DD</c> day, or null.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
