using System.Globalization;
using System.Text.Json;

using LiteAspire.Admin.ProxyApi.Spend;

namespace LiteAspire.Admin.Components.Pages.SpendLogs;

/// <summary>
/// A log row as the table shows it: only its columns, so the page's persisted state (sent with the prerendered HTML)
/// stays small whatever the prompt and metadata hold. The detail is read again by request id.
/// </summary>
public sealed record SpendLogLine(
    string RequestId, string Time, string? Model, string KeyLabel, string? User, string? Team,
    long PromptTokens, long CompletionTokens, double Spend, long? DurationMs, string Status, bool CacheHit)
{
    /// <summary>The line of <paramref name="log"/>.</summary>
    public static SpendLogLine From(SpendLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new SpendLogLine(
            log.RequestId, FormatTime(log.StartTime), log.Model, KeyLabelOf(log), Blank(log.User), Blank(log.TeamId),
            log.PromptTokens, log.CompletionTokens, log.Spend, log.RequestDurationMs, StatusOf(log.Status), IsCacheHit(log.CacheHit));
    }

    /// <summary>A UTC time as <c>YYYY-MM-DD HH:MM:SS</c>.</summary>
    public static string FormatTime(DateTime? time) =>
        time is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    /// <summary>The key's alias (from the log's metadata), else the start of its hash: never more of a key than that.</summary>
    public static string KeyLabelOf(SpendLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Metadata is { ValueKind: JsonValueKind.Object } metadata
            && metadata.TryGetProperty("user_api_key_alias", out var alias) && alias.ValueKind == JsonValueKind.String
            && alias.GetString() is { Length: > 0 } name)
        {
            return name;
        }

        return MaskedHash(log.ApiKey);
    }

    /// <summary>The first 8 characters of a key hash and an ellipsis.</summary>
    public static string MaskedHash(string? hash) => hash switch
    {
        null or "" => "—",
        { Length: > 12 } => hash[..8] + "…",
        _ => hash,
    };

    /// <summary><c>success</c> unless the proxy logged a failure (LiteLLM counts a missing status as success).</summary>
    public static string StatusOf(string? status) => string.IsNullOrEmpty(status) ? "success" : status;

    /// <summary>LiteLLM writes <c>"True"</c>.</summary>
    public static bool IsCacheHit(string? cacheHit) => string.Equals(cacheHit, "True", StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

/// <summary>One loaded page of the request log: the query it answers, its lines, and the proxy's counts.</summary>
/// <param name="Query">The query the page answers.</param>
/// <param name="Lines">Its rows, newest first.</param>
/// <param name="Total">Rows matching, over every page.</param>
/// <param name="TotalPages">Pages in all.</param>
public sealed record SpendLogsView(SpendLogQuery Query, List<SpendLogLine> Lines, int Total, int TotalPages);
