using System.Globalization;

using Microsoft.AspNetCore.WebUtilities;

namespace LiteAspire.Admin.Components.Pages.SpendLogs;

/// <summary>
/// What the request-log page shows: its filters, date range and page. Read from and written to the page's URL (so a
/// view can be bookmarked), and turned into the proxy's <c>/spend/logs/ui</c> query, where filtering and paging happen.
/// </summary>
/// <param name="Key">A key alias (matched as "contains" by the proxy), an <c>sk-</c> key or its SHA-256 hash.</param>
/// <param name="User">Internal user id.</param>
/// <param name="Team">Team id.</param>
/// <param name="Model">Model as logged.</param>
/// <param name="Status"><c>success</c>, <c>failure</c>, or null for both.</param>
/// <param name="From">First day (UTC), included.</param>
/// <param name="To">Last day (UTC), included.</param>
/// <param name="Page">Page, from 1.</param>
public sealed record SpendLogQuery(string? Key, string? User, string? Team, string? Model, string? Status, DateOnly From, DateOnly To, int Page = 1)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>The default range's length: the last 7 days, today included.</summary>
    public const int DefaultDays = 7;

    /// <summary>The statuses the proxy filters on.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["success", "failure"];

    /// <summary>The default view: every request of the last 7 days, first page.</summary>
    public static SpendLogQuery Default(DateOnly today) => new(null, null, null, null, null, today.AddDays(1 - DefaultDays), today);

    /// <summary>The query a URL's parameters describe; missing or malformed values fall back to the defaults.</summary>
    public static SpendLogQuery FromUrl(string? key, string? user, string? team, string? model, string? status, string? from, string? to, int? page, DateOnly today)
    {
        var defaults = Default(today);
        return new SpendLogQuery(
            Clean(key), Clean(user), Clean(team), Clean(model),
            Statuses.Contains(Clean(status)) ? Clean(status) : null,
            ParseDay(from) ?? defaults.From,
            ParseDay(to) ?? defaults.To,
            page is > 0 ? page.Value : 1);
    }

    /// <summary>The same filters on page <paramref name="page"/>.</summary>
    public SpendLogQuery OnPage(int page) => this with { Page = Math.Max(1, page) };

    /// <summary>The page's URL for this query; empty filters, page 1 and the default range (a moving "last 7 days") are left out.</summary>
    public string ToPageUrl(DateOnly today)
    {
        var defaults = Default(today);
        var defaultRange = From == defaults.From && To == defaults.To;
        return QueryHelpers.AddQueryString("/spend-logs", Pairs(
            ("key", Key), ("user", User), ("team", Team), ("model", Model), ("status", Status),
            ("from", defaultRange ? null : Day(From)),
            ("to", defaultRange ? null : Day(To)),
            ("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// The proxy's <c>/spend/logs/ui</c> query: whole UTC days as <c>YYYY-MM-DD HH:MM:SS</c> (what LiteLLM's UI sends);
    /// a key that looks like a key or a hash goes as <c>api_key</c>, anything else as <c>key_alias</c>.
    /// </summary>
    public string ToProxyPath()
    {
        var isKey = Key is not null && (Key.StartsWith("sk-", StringComparison.Ordinal) || IsHash(Key));
        return QueryHelpers.AddQueryString("/spend/logs/ui", Pairs(
            ("start_date", Day(From) + " 00:00:00"),
            ("end_date", Day(To) + " 23:59:59"),
            ("page", Page.ToString(CultureInfo.InvariantCulture)),
            ("page_size", PageSize.ToString(CultureInfo.InvariantCulture)),
            ("api_key", isKey ? Key : null),
            ("key_alias", isKey ? null : Key),
            ("user_id", User), ("team_id", Team), ("model", Model), ("status_filter", Status)));
    }

    /// <summary>A UTC day as <c>YYYY-MM-DD</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A <c>YYYY-MM-DD</c> day, or null.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static bool IsHash(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IEnumerable<KeyValuePair<string, string?>> Pairs(params (string Name, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value));
}
