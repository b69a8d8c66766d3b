using System.Collections.Concurrent;
using System.Globalization;

namespace LiteAspire.Proxy.Limits;

/// <summary>
/// The headers of an admitted request: LiteLLM's per-descriptor <c>x-ratelimit-&lt;kind&gt;-{remaining,limit}-&lt;type&gt;</c>,
/// and OpenAI's <c>x-ratelimit-{limit,remaining,reset}-{requests,tokens}</c> from the most restrictive descriptor.
/// </summary>
public static class RateLimitHeaders
{
    /// <summary>OpenAI's request limit header.</summary>
    public const string LimitRequests = "x-ratelimit-limit-requests";

    /// <summary>OpenAI's remaining requests header.</summary>
    public const string RemainingRequests = "x-ratelimit-remaining-requests";

    /// <summary>OpenAI's request window reset header (e.g. <c>42s</c>, <c>1m30s</c>).</summary>
    public const string ResetRequests = "x-ratelimit-reset-requests";

    /// <summary>OpenAI's token limit header.</summary>
    public const string LimitTokens = "x-ratelimit-limit-tokens";

    /// <summary>OpenAI's remaining tokens header.</summary>
    public const string RemainingTokens = "x-ratelimit-remaining-tokens";

    /// <summary>OpenAI's token window reset header.</summary>
    public const string ResetTokens = "x-ratelimit-reset-tokens";

    // Kinds are a handful of constants, so their six header names are built once each.
    private static readonly ConcurrentDictionary<string, string[]> DescriptorNames = new(StringComparer.Ordinal);

    /// <summary>Adds the headers for <paramref name="usages"/>, counted at <paramref name="now"/>.</summary>
    public static void Add(IReadOnlyList<RateLimitUsage> usages, DateTimeOffset now, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(usages);
        ArgumentNullException.ThrowIfNull(headers);
        // The most restrictive descriptor is the one with the least left; the first one wins a tie.
        var (requests, leastRequests) = (-1, long.MaxValue);
        var (tokens, leastTokens) = (-1, long.MaxValue);
        for (var i = 0; i < usages.Count; i++)
        {
            var usage = usages[i];
            var d = usage.Descriptor;
            var names = DescriptorNames.GetOrAdd(d.Kind, Names);
            Set(headers, names[0], names[1], d.RpmLimit, usage.RemainingRequests);
            Set(headers, names[2], names[3], d.TpmLimit, usage.RemainingTokens);
            Set(headers, names[4], names[5], d.MaxParallelRequests, usage.RemainingParallel);
            if (usage.RemainingRequests is { } requestsLeft && requestsLeft < leastRequests)
            {
                (requests, leastRequests) = (i, requestsLeft);
            }

            if (usage.RemainingTokens is { } tokensLeft && tokensLeft < leastTokens)
            {
                (tokens, leastTokens) = (i, tokensLeft);
            }
        }

        if (requests >= 0)
        {
            var usage = usages[requests];
            headers[LimitRequests] = Number(usage.Descriptor.RpmLimit!.Value);
            headers[RemainingRequests] = Number(usage.RemainingRequests!.Value);
            headers[ResetRequests] = Duration(usage.ResetsAt - now);
        }

        if (tokens >= 0)
        {
            var usage = usages[tokens];
            headers[LimitTokens] = Number(usage.Descriptor.TpmLimit!.Value);
            headers[RemainingTokens] = Number(usage.RemainingTokens!.Value);
            headers[ResetTokens] = Duration(usage.ResetsAt - now);
        }
    }

    /// <summary>OpenAI's duration format: <c>7s</c>, <c>1m0s</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Max(0, Math.Ceiling(span.TotalSeconds));
        return seconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m{seconds % 60}s");
    }

    private static void Set(IHeaderDictionary headers, string remainingName, string limitName, long? limit, long? remaining)
    {
        if (limit is { } l)
        {
            headers[remainingName] = Number(remaining!.Value);
            headers[limitName] = Number(l);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[] Names(string kind) =>
    [
        $"x-ratelimit-{kind}-remaining-requests", $"x-ratelimit-{kind}-limit-requests",
        $"x-ratelimit-{kind}-remaining-tokens", $"x-ratelimit-{kind}-limit-tokens",
        $"x-ratelimit-{kind}-remaining-max_parallel_requests", $"x-ratelimit-{kind}-limit-max_parallel_requests",
    ];
}
