using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Spend;

namespace LiteAspire.Admin.Components.Pages.Usage;

/// <summary>Reads a usage report from the proxy.</summary>
/// <remarks>
/// Why these routes. The daily activity routes read the Daily*Spend tables (one row per entity, day, key and model,
/// written with the logs) rather than the SpendLogs rows, group in one SQL query, and are the only spend routes that
/// count requests and failures (<c>/global/spend/report</c> reads SpendLogs and has no counts; <c>/global/spend/keys</c>
/// and <c>/models</c> are fixed to 30 days and carry spend only). Team → <c>/team/daily/activity</c> (entities, named
/// by <c>team_alias</c>; a non-admin gets their teams); key and model → <c>/user/daily/activity</c> (every request
/// counts there, with or without a user; a non-admin gets their own); tag → <c>/tag/daily/activity</c> (admins).
/// Their answers list every key active each day, so their size grows with days × keys: at 10,000 keys, 30 days of
/// <c>/team/daily/activity/aggregated</c> is 316 MB and 52 s. So the report reads one page of at most 500 table rows
/// (1 MB and 0.15 s at that scale; 1,000 rows were 2 MB and 0.5–0.8 s): exact whenever the range fits in it, as an
/// internal user's own activity and small deployments do; otherwise it keeps the newest days the page holds whole and
/// says so. A proxy route giving only the groups' totals would make it exact at any scale.
/// </remarks>
public static class UsageSource
{
    /// <summary>Daily activity rows read for one report.</summary>
    public const int MaxRows = 500;

    /// <summary>The report <paramref name="query"/> asks for.</summary>
    public static async Task<UsageReport> LoadAsync(ProxyApiClient proxy, UsageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(query);
        var route = query.Grouping switch
        {
            UsageGrouping.Team => "/team/daily/activity",
            UsageGrouping.Tag => "/tag/daily/activity",
            _ => "/user/daily/activity",
        };
        var answer = await proxy.GetAsync<DailyActivityResponse>(
            $"{route}?start_date={UsageQuery.Day(query.From)}&end_date={UsageQuery.Day(query.To)}&page=1&page_size={MaxRows}", cancellationToken)
            .ConfigureAwait(false);
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
