using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Spend;

namespace LiteAspire.Admin.Components.Pages.Usage;

/// <summary>Reads a usage report from the proxy.</summary>
/// <remarks>
/// Which route answers which grouping, and why. The daily activity routes read the Daily*Spend tables (one row per
/// entity, day, key and model, written with the logs), never the SpendLogs rows, sum them in one SQL query, and are the
/// only spend routes that count requests and failures. <c>/global/spend/report?group_by=</c> reads SpendLogs (a
/// million rows) and returns a line per day, group, model and key, with no counts; <c>/global/spend/keys|models</c>
/// are fixed to 30 days and carry spend only. So:
/// team → <c>/team/daily/activity/aggregated</c> (entities, named by <c>team_alias</c>; a non-admin gets their teams);
/// key and model → <c>/user/daily/activity/aggregated</c> (every request is counted there, with or without a user; a
/// non-admin gets their own); tag → <c>/tag/daily/activity</c> (admins; it has no aggregated form), pages of 1000
/// rows, at most 10. Each answer is one GROUP BY in the database, but it also lists every key active each day (the
/// routes' per-key breakdowns, which LiteLLM's shape always carries): with thousands of active keys it grows with
/// days × keys. A route giving only the group totals would keep it small; the proxy has none yet.
/// </remarks>
public static class UsageSource
{
    /// <summary>Rows per page of tag activity (the proxy's largest).</summary>
    public const int TagPageSize = 1000;

    /// <summary>The most pages of tag activity read for one report.</summary>
    public const int MaxTagPages = 10;

    /// <summary>The report <paramref name="query"/> asks for.</summary>
    public static async Task<UsageReport> LoadAsync(ProxyApiClient proxy, UsageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(query);
        var builder = new UsageReportBuilder(query.Grouping);
        var range = $"start_date={UsageQuery.Day(query.From)}&end_date={UsageQuery.Day(query.To)}";
        if (query.Grouping != UsageGrouping.Tag)
        {
            var route = query.Grouping == UsageGrouping.Team ? "/team/daily/activity/aggregated" : "/user/daily/activity/aggregated";
            builder.Add(await proxy.GetAsync<DailyActivityResponse>($"{route}?{range}", cancellationToken).ConfigureAwait(false));
            return builder.Build(query);
        }

        // Newest rows first: when the pages run out, the report lacks its oldest days, and says so.
        for (var page = 1; ; page++)
        {
            var answer = await proxy.GetAsync<DailyActivityResponse>($"/tag/daily/activity?{range}&page={page}&page_size={TagPageSize}", cancellationToken)
                .ConfigureAwait(false);
            builder.Add(answer);
            if (!answer.Metadata.HasMore)
            {
                return builder.Build(query);
            }

            if (page == MaxTagPages)
            {
                return builder.Build(query, partial: true);
            }
        }
    }
}
