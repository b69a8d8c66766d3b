using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>
/// <c>GET /spend/logs</c> and <c>GET /spend/logs/ui</c>: the request logs, filtered, paged and (for <c>/spend/logs</c> with
/// both dates and <c>summarize</c> left true) summed per day, all in the database.
/// </summary>
public static class SpendLogsEndpoint
{
    /// <summary>
    /// <c>GET /spend/logs</c>: a JSON list of SpendLogs rows, newest first. With <c>start_date</c> and <c>end_date</c> and
    /// <c>summarize</c> not false, LiteLLM's per-day summary instead: <c>[{"startTime": day, "spend", "users": {...},
    /// "models": {...}, "&lt;api_key&gt;": spend}]</c>.
    /// </summary>
    public static async Task<IResult> LogsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        var request = context.Request;
        var summarize = ManagementQuery.Text(request, "summarize") is null || ManagementQuery.Flag(request, "summarize");
        var db = ManagementDb.Of(context);
        var filter = await SpendLogFilter.From(request).VisibleToAsync(db, caller, context.RequestAborted).ConfigureAwait(false);
        var rows = filter.Apply(db);
        if (summarize && filter.Start is not null && filter.End is { } end)
        {
            return ManagementJson.Ok(await SummaryAsync(rows, end, context.RequestAborted).ConfigureAwait(false));
        }

        return SpendLogJson.Array(NewestFirst(rows).AsAsyncEnumerable());
    }

    /// <summary>
    /// <c>GET /spend/logs/ui</c>: one page of rows newest first, <c>{"data", "total", "page", "page_size", "total_pages"}</c>;
    /// dates required (<c>YYYY-MM-DD HH:MM:SS</c> as the UI sends them, or days), <c>page_size</c> at most 100.
    /// </summary>
    public static async Task<IResult> UiAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        var request = context.Request;
        SpendParameters.RequiredRange(request);
        var page = ManagementQuery.WholeNumber(request, "page", 1, 1, int.MaxValue);
        var pageSize = ManagementQuery.WholeNumber(request, "page_size", 50, 1, 100);
        var db = ManagementDb.Of(context);
        var filter = await SpendLogFilter.From(request).VisibleToAsync(db, caller, context.RequestAborted).ConfigureAwait(false);
        var rows = filter.Apply(db);
        var total = await rows.CountAsync(context.RequestAborted).ConfigureAwait(false);
        var skip = (int)Math.Min((page - 1L) * pageSize, int.MaxValue);
        // The page's ids first, then its rows: the ids come from an index alone (startTime and request_id, or a filter's index
        // carrying both), so the rows of the pages before it are skipped in the index instead of being read from the table.
        var ids = NewestFirst(rows).Skip(skip).Take(pageSize).Select(r => r.RequestId);
        var pageRows = NewestFirst(db.SpendLogs.AsNoTracking().Where(r => ids.Contains(r.RequestId))).AsAsyncEnumerable();
        return SpendLogJson.Page(pageRows, total, page, pageSize);
    }

    // Newest first; request_id (descending too, so one backward index scan gives the order) decides between equal start times.
    private static IQueryable<Data.Schema.SpendLogs> NewestFirst(IQueryable<Data.Schema.SpendLogs> rows) =>
        rows.OrderByDescending(r => r.StartTime).ThenByDescending(r => r.RequestId);

    // LiteLLM's legacy summary: spend per day, per key, per user and per model; days after the last one with spend, up to
    // end_date, are listed with zero spend.
    private static async Task<JsonArray> SummaryAsync(IQueryable<Data.Schema.SpendLogs> rows, DateTime end, CancellationToken cancellationToken)
    {
        var byKey = await rows.GroupBy(r => new { Day = r.StartTime.Date, Name = r.ApiKey })
            .Select(g => new { g.Key.Day, g.Key.Name, Spend = g.Sum(r => r.Spend) }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byUser = await rows.GroupBy(r => new { Day = r.StartTime.Date, Name = r.User })
            .Select(g => new { g.Key.Day, g.Key.Name, Spend = g.Sum(r => r.Spend) }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byModel = await rows.GroupBy(r => new { Day = r.StartTime.Date, Name = r.Model })
            .Select(g => new { g.Key.Day, g.Key.Name, Spend = g.Sum(r => r.Spend) }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var days = new SortedDictionary<DateTime, JsonObject>();
        JsonObject Day(DateTime day) => days.TryGetValue(day.Date, out var entry) ? entry
            : days[day.Date] = new JsonObject { ["startTime"] = SpendParameters.Day(day), ["spend"] = 0.0, ["users"] = new JsonObject(), ["models"] = new JsonObject() };

        foreach (var group in byKey)
        {
            var entry = Day(group.Day);
            entry["spend"] = entry["spend"]!.GetValue<double>() + group.Spend;
            entry[group.Name] = group.Spend;
        }

        foreach (var group in byUser)
        {
            Day(group.Day)["users"]![group.Name ?? "None"] = group.Spend;
        }

        foreach (var group in byModel)
        {
            Day(group.Day)["models"]![group.Name] = group.Spend;
        }

        if (days.Count > 0)
        {
            for (var day = days.Keys.Last().AddDays(1); day <= end.Date; day = day.AddDays(1))
            {
                Day(day);
            }
        }

        return new JsonArray([.. days.Values]);
    }
}
