using LiteAspire.Admin.Components.Pages.SpendLogs;
using LiteAspire.Admin.ProxyApi.Spend;

namespace LiteAspire.Admin.Components.Pages.Usage;

/// <summary>
/// Sums daily-activity answers (one, or several pages) into a <see cref="UsageReport"/>: each day's metrics for the
/// chart and the totals, and the day's breakdown for the grouping (teams and tags are the route's entities, keys its
/// <c>api_keys</c>, models its <c>models</c>) for the table.
/// </summary>
public sealed class UsageReportBuilder(UsageGrouping grouping)
{
    private readonly Dictionary<string, Sums> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Sums> _days = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private Sums _totals;

    /// <summary>Adds one answer (pages add up: their totals are their own rows').</summary>
    public UsageReportBuilder Add(DailyActivityResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var day in response.Results)
        {
            _days[day.Date] = _days.GetValueOrDefault(day.Date, new Sums()).Add(day.Metrics);
            _totals = _totals.Add(day.Metrics);
            foreach (var (id, entry) in GroupsOf(day.Breakdown))
            {
                _groups[id] = _groups.GetValueOrDefault(id, new Sums()).Add(entry.Metrics);
                if (!_names.ContainsKey(id) && NameOf(id, entry.Metadata) is { } name)
                {
                    _names[id] = name;
                }
            }
        }

        return this;
    }

    /// <summary>
    /// The report for <paramref name="query"/>; every day of its range is listed, days without spend at zero. With
    /// <paramref name="coveredFrom"/>, the answers held only the days from then on whole: the report covers those.
    /// </summary>
    public UsageReport Build(UsageQuery query, DateOnly? coveredFrom = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var days = (coveredFrom is { } from ? query with { From = from } : query).Days().Select(UsageQuery.Day).ToList();
        var groups = _groups
            .Select(g => new UsageGroup(g.Key, _names.GetValueOrDefault(g.Key) ?? Fallback(g.Key), g.Value.Spend, g.Value.Requests,
                g.Value.Failed, g.Value.PromptTokens, g.Value.CompletionTokens, g.Value.PromptTokens + g.Value.CompletionTokens))
            .OrderByDescending(g => g.Spend).ThenByDescending(g => g.Requests).ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        return new UsageReport(query, groups, days,
            days.Select(d => _days.GetValueOrDefault(d, new Sums()).Spend).ToList(),
            days.Select(d => (double)_days.GetValueOrDefault(d, new Sums()).Requests).ToList(),
            new UsageTotals(_totals.Spend, _totals.Requests, _totals.Failed, _totals.PromptTokens + _totals.CompletionTokens),
            coveredFrom);
    }

    private Dictionary<string, BreakdownEntry> GroupsOf(DailyBreakdown breakdown) => grouping switch
    {
        UsageGrouping.Key => breakdown.ApiKeys,
        UsageGrouping.Model => breakdown.Models,
        _ => breakdown.Entities,
    };

    private string? NameOf(string id, BreakdownMetadata? metadata) => grouping switch
    {
        UsageGrouping.Team => metadata?.TeamAlias is { Length: > 0 } alias ? alias : null,
        UsageGrouping.Key => metadata?.KeyAlias is { Length: > 0 } alias ? alias : null,
        _ => id,
    };

    // A key without an alias shows the start of its hash, as the request log does.
    private string Fallback(string id) => grouping == UsageGrouping.Key ? SpendLogLine.MaskedHash(id) : id;

    private readonly record struct Sums(double Spend, long Requests, long Failed, long PromptTokens, long CompletionTokens)
    {
        public Sums Add(SpendMetrics m) =>
            new(Spend + m.Spend, Requests + m.ApiRequests, Failed + m.FailedRequests, PromptTokens + m.PromptTokens, CompletionTokens + m.CompletionTokens);
    }
}
