using System.Globalization;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>
/// Query parameters of the spend routes, read as LiteLLM reads them: dates as <c>YYYY-MM-DD</c> (the UI's log view sends
/// <c>YYYY-MM-DD HH:MM:SS</c>; ISO 8601 is accepted too), comma-separated lists, keys as <c>sk-</c> plaintext or hash.
/// Bad values are 400s naming the parameter.
/// </summary>
public static class SpendParameters
{
    private static readonly string[] s_dateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    /// <summary>LiteLLM's message when a route needs both dates.</summary>
    public const string DatesRequired = "Please provide start_date and end_date";

    /// <summary>
    /// The UTC instant <paramref name="name"/> names, or null when absent. A bare date given as an end is the end of that
    /// day (the whole day is included); as a start, its midnight.
    /// </summary>
    public static DateTime? Instant(HttpRequest request, string name, bool isEnd)
    {
        var text = ManagementQuery.Text(request, name);
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            return isEnd ? day.AddDays(1).AddTicks(-1) : day;
        }

        if (DateTime.TryParseExact(text, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
        {
            return DateTime.SpecifyKind(instant, DateTimeKind.Utc);
        }

        throw BadDate(name, text);
    }

    /// <summary>Both ends of a range; 400 with LiteLLM's message when one is missing, or when the start is after the end.</summary>
    public static (DateTime Start, DateTime End) RequiredRange(HttpRequest request)
    {
        var start = Instant(request, "start_date", isEnd: false);
        var end = Instant(request, "end_date", isEnd: true);
        if (start is null || end is null)
        {
            throw ManagementErrors.BadRequest(DatesRequired, start is null ? "start_date" : "end_date");
        }

        return RequireOrdered(start.Value, end.Value);
    }

    /// <summary>The optional range; each end may be absent.</summary>
    public static (DateTime? Start, DateTime? End) OptionalRange(HttpRequest request)
    {
        var start = Instant(request, "start_date", isEnd: false);
        var end = Instant(request, "end_date", isEnd: true);
        if (start is { } s && end is { } e)
        {
            RequireOrdered(s, e);
        }

        return (start, end);
    }

    /// <summary>
    /// The <c>YYYY-MM-DD</c> days of a Daily*Spend range (the tables key rows by that string); both required. Timestamps
    /// are cut to their day.
    /// </summary>
    public static (string Start, string End) RequiredDays(HttpRequest request)
    {
        var (start, end) = RequiredRange(request);
        return (Day(start), Day(end));
    }

    /// <summary>The <c>YYYY-MM-DD</c> form of a UTC instant.</summary>
    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A comma-separated list (LiteLLM's <c>team_ids=a,b</c>), or null when absent; blank entries dropped.</summary>
    public static List<string>? List(HttpRequest request, string name)
    {
        var text = ManagementQuery.Text(request, name);
        if (text is null)
        {
            return null;
        }

        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        return items.Count == 0 ? null : items;
    }

    /// <summary>The stored token of an <c>api_key</c> parameter (plaintext <c>sk-</c> key or its hash), or null.</summary>
    public static string? ApiKey(HttpRequest request, string name = "api_key")
    {
        var text = ManagementQuery.Text(request, name);
        return text is null ? null : VirtualKeys.ToToken(text);
    }

    /// <summary>A number, or null when absent.</summary>
    public static double? Number(HttpRequest request, string name)
    {
        var text = ManagementQuery.Text(request, name);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            throw ManagementErrors.BadRequest($"Invalid value for '{name}': '{text}' must be a number.", name);
        }

        return value;
    }

    private static (DateTime, DateTime) RequireOrdered(DateTime start, DateTime end) => start <= end ? (start, end)
        : throw ManagementErrors.BadRequest("Invalid date range: start_date must not be after end_date.", "start_date");

    private static Errors.GatewayException BadDate(string name, string text) => ManagementErrors.BadRequest(
        $"Invalid value for '{name}': '{text}' is not a date. Use YYYY-MM-DD (or YYYY-MM-DD HH:MM:SS, UTC).", name);
}
