using System.Globalization;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>
/// <c>GET /global/activity?start_date&amp;end_date</c>: LiteLLM's requests and tokens per day,
/// <c>{"daily_data": [{"date": "Dec 07", "api_requests", "total_tokens"}], "sum_api_requests", "sum_total_tokens"}</c>
/// (LiteLLM's <c>%b %d</c> dates), with LiteAspire's additions per day (<c>day</c> as <c>YYYY-MM-DD</c>, <c>spend</c>,
/// <c>failed_requests</c>) and in the sums. Read from the key-free daily rollup: a few rows a day however many keys.
/// </summary>
public static class GlobalActivityEndpoint
{
    /// <summary>One day.</summary>
    /// <param name="Date">LiteLLM's label (<c>Dec 07</c>).</param>
    /// <param name="Day">The day as <c>YYYY-MM-DD</c>.</param>
    /// <param name="ApiRequests">Requests.</param>
    /// <param name="TotalTokens">Prompt and completion tokens.</param>
    /// <param name="Spend">Spend in USD.</param>
    /// <param name="FailedRequests">Requests that failed.</param>
    public sealed record DayActivity(string Date, string Day, long ApiRequests, long TotalTokens, double Spend, long FailedRequests);

    /// <summary>The answer.</summary>
    /// <param name="DailyData">The days with traffic, oldest first.</param>
    /// <param name="SumApiRequests">Requests over the range.</param>
    /// <param name="SumTotalTokens">Tokens over the range.</param>
    /// <param name="SumSpend">Spend over the range.</param>
    /// <param name="SumFailedRequests">Failed requests over the range.</param>
    public sealed record Response(IReadOnlyList<DayActivity> DailyData, long SumApiRequests, long SumTotalTokens, double SumSpend, long SumFailedRequests);

    /// <summary>Handles the request (proxy admins and viewers).</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Auth.Caller.Of(context), "global activity");
        var (start, end) = SpendParameters.RequiredDays(context.Request);
        var days = await ManagementDb.Of(context).DailyGlobalSpend
            .Where(r => string.Compare(r.Date, start) >= 0 && string.Compare(r.Date, end) <= 0)
            .GroupBy(r => r.Date)
            .Select(g => new
            {
                Day = g.Key,
                Requests = g.Sum(r => r.ApiRequests),
                Tokens = g.Sum(r => r.PromptTokens + r.CompletionTokens),
                Spend = g.Sum(r => r.Spend),
                Failed = g.Sum(r => r.FailedRequests),
            })
            .OrderBy(d => d.Day)
            .ToListAsync(context.RequestAborted).ConfigureAwait(false);
        var daily = days.Select(d => new DayActivity(Label(d.Day), d.Day, d.Requests, d.Tokens, d.Spend, d.Failed)).ToList();
        return ManagementJson.Ok(new Response(daily, daily.Sum(d => d.ApiRequests), daily.Sum(d => d.TotalTokens), daily.Sum(d => d.Spend),
            daily.Sum(d => d.FailedRequests)));
    }

    private static string Label(string day) =>
        DateTime.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("MMM dd", CultureInfo.InvariantCulture)
            : day;
}
