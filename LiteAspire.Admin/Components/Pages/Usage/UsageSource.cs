using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Spend;

namespace LiteAspire.Admin.Components.Pages.Usage;

/// <summary>Reads a usage report from the proxy.</summary>
/// <remarks>
/// Why these routes. The daily activity routes read the Daily*Spend tables (one row per entity, day, key and model,
/// written with the logs) rather than the SpendLogs rows, group in SQL, and are the only spend routes that count requests
/// and failures. Team, key and model read the aggregated routes over the whole range with LiteLLM's <c>api_key_limit</c>:
/// every total still counts every key, only the per-key lines are cut to the top ones, so the answer stays small at any
/// number of keys (at 10,000 keys and 30 days: ~0.4 s; without the limit it was 316 MB). Team → the team route's
/// entities (a non-admin gets their teams); key and model → the user route's <c>api_keys</c> (the top
/// <see cref="TopKeys"/>) and <c>models</c> (a non-admin gets their own). Tag has no aggregated route: one page of at most
/// <see cref="MaxRows"/> rows of <c>/tag/daily/activity</c>, exact when the range fits, else the newest whole days, said so.
/// </remarks>
public static class UsageSource
{
    /// <summary>Daily activity rows read for one tag report.</summary>
    public const int MaxRows = 500;

    /// <summary>Keys listed in a report by key: the highest spenders of the range.</summary>
    public const int TopKeys = 50;

    /// <summary>The report <paramref name="query"/> asks for.</summary>
    public static async Task<UsageReport> LoadAsync(ProxyApiClient proxy, UsageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(query);
        var range = $"start_date={UsageQuery.Day(query.From)}&end_date={UsageQuery.Day(query.To)}";
        var path = query.Grouping switch
        {
            UsageGrouping.Team => $"/team/daily/activity/aggregated?{range}&api_key_limit=1",
            UsageGrouping.Key => $"/user/daily/activity/aggregated?{range}&api_key_limit={TopKeys}",
            UsageGrouping.Model => $"/user/daily/activity/aggregated?{range}&api_key_limit=1",
            _ => $"/tag/daily/activity?{range}&page=1&page_size={MaxRows}",
        };
        var answer = await proxy.GetAsync<DailyActivityResponse>(path, cancellationToken).ConfigureAwait(false);
        var builder = new UsageReportBuilder(query.Grouping);
        if (!answer.Metadata.HasMore)
        {
            return builder.Add(answer).Build(query);
        }

        // Rows come newest day first, so the page ends somewhere in its oldest day: the days after that one are whole.
        var oldest = answer.Results.Select(r => r.Date).DefaultIfEmpty(UsageQuery.Day(query.To)).Min(StringComparer.Ordinal)!;
        var whole = answer with { Results = answer.Results.Where(r => string.CompareOrdinal(r.Date, oldest) > 0).ToList() };
        var coveredFrom = (UsageQuery.ParseDay(oldest) ?? query.To).AddDays(1);
        return builder.Add(whole).Build(query, coveredFrom);
    }
}
