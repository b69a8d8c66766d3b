using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>
/// LiteLLM's <c>/global/spend*</c> summaries, each one grouped query. As in LiteLLM, the undated ones cover the last 30 days,
/// and an internal user asking for keys, models or providers gets their own. Spend, keys, models, teams and tags are read
/// from the daily aggregates the spend writer keeps with every SpendLogs row (same transaction, so the same sums; a day is
/// the UTC day of the request's start, as in the logs): totals and models from the key-free rollup (a few rows a day),
/// keys, teams and tags from their per-key tables (a row per key, model and day instead of a row per request). End users
/// and providers, whose ranges are instants, still read <c>LiteLLM_SpendLogs</c>.
/// </summary>
public static class GlobalSpendEndpoints
{
    private const int Days = 30;

    /// <summary><c>GET /global/spend</c>: <c>{"spend": last 30 days, "max_budget": litellm_settings.max_budget}</c>.</summary>
    public static async Task<IResult> TotalAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "global spend");
        var spend = await RecentTotals(ManagementDb.Of(context)).SumAsync(r => r.Spend, context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(new JsonObject
        {
            ["spend"] = spend,
            ["max_budget"] = context.RequestServices.GetService<ProxyBudget>()?.MaxBudget,
        });
    }

    /// <summary>
    /// <c>GET /global/spend/keys?limit=</c>: the top keys by spend of the last 30 days, <c>[{api_key, total_spend, key_alias,
    /// key_name}]</c>; an internal user's own keys (all time, top 10 unless <c>limit</c>).
    /// </summary>
    public static async Task<IResult> KeysAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        var db = ManagementDb.Of(context);
        var all = SpendAccess.ReadsAll(caller);
        var limit = Limit(context.Request, all ? null : 10);
        var rows = all ? Recent(db) : OwnRows(db, caller);
        var top = rows.GroupBy(r => r.ApiKey).Select(g => new { ApiKey = g.Key, TotalSpend = g.Sum(r => r.Spend) })
            .OrderByDescending(x => x.TotalSpend).ThenBy(x => x.ApiKey);
        var limited = limit is { } n ? top.Take(n) : top;
        var named = await (from t in limited
                           join v in db.VerificationTokens on t.ApiKey equals v.Token into keys
                           from v in keys.DefaultIfEmpty()
                           orderby t.TotalSpend descending, t.ApiKey
                           select new { t.ApiKey, t.TotalSpend, KeyAlias = v == null ? null : v.KeyAlias, KeyName = v == null ? null : v.KeyName })
            .ToListAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(named);
    }

    /// <summary>
    /// <c>GET /global/spend/models?limit=10</c>: the top models by spend of the last 30 days, <c>[{model, total_spend}]</c>;
    /// an internal user's own (all time, with <c>total_tokens</c>).
    /// </summary>
    public static async Task<IResult> ModelsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        var db = ManagementDb.Of(context);
        var limit = Limit(context.Request, 10)!.Value;
        if (SpendAccess.ReadsAll(caller))
        {
            var models = await RecentTotals(db).Where(r => r.Model != null && r.Model != "").GroupBy(r => r.Model!)
                .Select(g => new { Model = g.Key, TotalSpend = g.Sum(r => r.Spend) })
                .OrderByDescending(x => x.TotalSpend).ThenBy(x => x.Model).Take(limit).ToListAsync(context.RequestAborted).ConfigureAwait(false);
            return ManagementJson.Ok(models);
        }

        var own = await OwnRows(db, caller).GroupBy(r => r.Model ?? "")
            .Select(g => new { Model = g.Key, TotalSpend = g.Sum(r => r.Spend), TotalTokens = g.Sum(r => r.PromptTokens + r.CompletionTokens) })
            .OrderByDescending(x => x.TotalSpend).ThenBy(x => x.Model).Take(limit).ToListAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(own);
    }

    /// <summary>
    /// <c>GET /global/spend/teams</c>: spend per team alias and day over the last 30 days, LiteLLM's chart shape
    /// <c>{"daily_spend": [{"date", alias: spend}], "teams": [aliases], "total_spend_per_team": [{"team_id": alias, "total_spend"}]}</c>
    /// (top 10; spend rounded to cents as LiteLLM does).
    /// </summary>
    public static async Task<IResult> TeamsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "spend per team");
        var db = ManagementDb.Of(context);
        var since = SpendParameters.Day(Since());
        var perTeam = await (from s in db.DailyTeamSpend.Where(r => string.Compare(r.Date, since) >= 0)
                             join t in db.Teams on s.TeamId equals t.TeamId into teams
                             from t in teams.DefaultIfEmpty()
                             group s by new { Alias = t == null ? null : t.TeamAlias, s.Date } into g
                             select new { g.Key.Alias, g.Key.Date, Spend = g.Sum(r => r.Spend), Requests = g.Sum(r => r.ApiRequests) })
            .ToListAsync(context.RequestAborted).ConfigureAwait(false);
        // Requests without a team have no DailyTeamSpend row: they are what the day's total (the rollup counts every request)
        // leaves over, LiteLLM's "Unassigned" with the teams whose alias is unknown.
        var perDay = await RecentTotals(db).GroupBy(r => r.Date).Select(g => new { Date = g.Key, Spend = g.Sum(r => r.Spend), Requests = g.Sum(r => r.ApiRequests) })
            .ToListAsync(context.RequestAborted).ConfigureAwait(false);
        var groups = perTeam.ConvertAll(t => (Alias: (string?)t.Alias, t.Date, t.Spend));
        foreach (var day in perDay)
        {
            var teamed = perTeam.Where(t => t.Date == day.Date).ToList();
            if (day.Requests > teamed.Sum(t => t.Requests))
            {
                groups.Add((null, day.Date, day.Spend - teamed.Sum(t => t.Spend)));
            }
        }

        var daily = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (teamAlias, date, teamSpend) in groups)
        {
            var alias = teamAlias ?? "Unassigned";
            var spend = Math.Round(teamSpend, 2);
            if (!daily.TryGetValue(date, out var day))
            {
                daily[date] = day = new JsonObject { ["date"] = date };
            }

            day[alias] = (day[alias]?.GetValue<double>() ?? 0) + spend;
            totals[alias] = totals.GetValueOrDefault(alias) + spend;
        }

        return ManagementJson.Ok(new JsonObject
        {
            ["daily_spend"] = new JsonArray([.. daily.Values]),
            ["teams"] = new JsonArray([.. totals.Keys.Order(StringComparer.Ordinal).Select(a => (JsonNode)a)]),
            ["total_spend_per_team"] = new JsonArray([.. totals.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(10)
                .Select(t => (JsonNode)new JsonObject { ["team_id"] = t.Key, ["total_spend"] = t.Value })]),
        });
    }

    /// <summary>
    /// <c>GET|POST /global/spend/end_users</c>: the top 100 customers by spend, <c>[{end_user, total_count, total_spend}]</c>,
    /// over <c>startTime</c>..<c>endTime</c> (body; or <c>start_date</c>/<c>end_date</c> in the query; default the last 30
    /// days), optionally for one <c>api_key</c>.
    /// </summary>
    public static async Task<IResult> EndUsersAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "spend per customer");
        var request = context.Request;
        var (start, end) = SpendParameters.OptionalRange(request);
        var apiKey = SpendParameters.ApiKey(request);
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is not 0)
        {
            var body = await ManagementJson.ReadAsync<EndUsersRequest>(request, context.RequestAborted).ConfigureAwait(false);
            start = body.StartTime ?? start;
            end = body.EndTime ?? end;
            apiKey = body.ApiKey is null ? apiKey : VirtualKeys.ToToken(body.ApiKey);
        }

        var from = start ?? DateTime.UtcNow.AddDays(-Days);
        var to = end ?? DateTime.UtcNow;
        var rows = ManagementDb.Of(context).SpendLogs.Where(r => r.StartTime >= from && r.StartTime < to);
        if (apiKey is not null)
        {
            rows = rows.Where(r => r.ApiKey == apiKey);
        }

        var customers = await rows.GroupBy(r => r.EndUser)
            .Select(g => new { EndUser = g.Key, TotalCount = g.Count(), TotalSpend = g.Sum(r => r.Spend) })
            .OrderByDescending(x => x.TotalSpend).ThenBy(x => x.EndUser).Take(100).ToListAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(customers);
    }

    /// <summary>
    /// <c>GET /global/spend/provider?start_date&amp;end_date</c>: <c>[{provider, spend}]</c> from the logged
    /// <c>custom_llm_provider</c>; an internal user's own.
    /// </summary>
    public static async Task<IResult> ProvidersAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        var (start, end) = SpendParameters.RequiredRange(context.Request);
        var db = ManagementDb.Of(context);
        var rows = (SpendAccess.ReadsAll(caller) ? db.SpendLogs : OwnLogs(db, caller)).Where(r => r.StartTime >= start && r.StartTime <= end);
        var providers = await rows.GroupBy(r => r.CustomLlmProvider == null || r.CustomLlmProvider == "" ? "Unknown" : r.CustomLlmProvider)
            .Select(g => new { Provider = g.Key, Spend = g.Sum(r => r.Spend) })
            .OrderByDescending(x => x.Spend).ThenBy(x => x.Provider).ToListAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(providers);
    }

    /// <summary>
    /// <c>GET /global/spend/tags?start_date&amp;end_date&amp;tags=a,b</c>: <c>{"spend_per_tag": [{name, spend, log_count}]}</c>,
    /// highest spend first (<c>tags</c> absent or <c>all-tags</c>: every tag).
    /// </summary>
    public static async Task<IResult> TagsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "spend per tag");
        var (start, end) = SpendParameters.RequiredDays(context.Request);
        var tags = SpendParameters.List(context.Request, "tags");
        var rows = ManagementDb.Of(context).DailyTagSpend.Where(r => r.Tag != null && string.Compare(r.Date, start) >= 0 && string.Compare(r.Date, end) <= 0);
        if (tags is not null && !tags.Contains("all-tags"))
        {
            rows = rows.Where(r => tags.Contains(r.Tag!));
        }

        var perTag = await rows.GroupBy(r => r.Tag!).Select(g => new { Name = g.Key, Spend = g.Sum(r => r.Spend), LogCount = g.Sum(r => r.ApiRequests) })
            .OrderByDescending(x => x.Spend).ThenBy(x => x.Name).ToListAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(new JsonObject
        {
            ["spend_per_tag"] = JsonSerializer.SerializeToNode(perTag.Select(t => new { t.Name, Spend = Math.Round(t.Spend, 4), t.LogCount }), ManagementJson.Options),
        });
    }

    /// <summary>The body of <c>POST /global/spend/end_users</c> (LiteLLM's <c>GlobalEndUsersSpend</c>).</summary>
    /// <param name="ApiKey">One key (plaintext or hash).</param>
    /// <param name="StartTime">From.</param>
    /// <param name="EndTime">To.</param>
    public sealed record EndUsersRequest(string? ApiKey, [property: System.Text.Json.Serialization.JsonPropertyName("startTime")] DateTime? StartTime,
        [property: System.Text.Json.Serialization.JsonPropertyName("endTime")] DateTime? EndTime);

    internal static DateTime Since() => DateTime.UtcNow.Date.AddDays(-Days);

    // The last 30 days of the per-user daily aggregate, which holds every request once (a NULL user_id when it had none).
    private static IQueryable<DailyUserSpend> Recent(LiteLLMDbContext db)
    {
        var since = SpendParameters.Day(Since());
        return db.DailyUserSpend.Where(r => string.Compare(r.Date, since) >= 0);
    }

    // The same days summed over users and keys: a few rows per model and day.
    private static IQueryable<DailyGlobalSpend> RecentTotals(LiteLLMDbContext db)
    {
        var since = SpendParameters.Day(Since());
        return db.DailyGlobalSpend.Where(r => string.Compare(r.Date, since) >= 0);
    }

    private static IQueryable<DailyUserSpend> OwnRows(LiteLLMDbContext db, ApiKeyAuth caller)
    {
        var userId = SpendAccess.OwnUserId(caller);
        return db.DailyUserSpend.Where(r => r.UserId == userId);
    }

    private static IQueryable<SpendLogs> OwnLogs(LiteLLMDbContext db, ApiKeyAuth caller)
    {
        var userId = SpendAccess.OwnUserId(caller);
        return db.SpendLogs.Where(r => r.User == userId);
    }

    private static int? Limit(HttpRequest request, int? fallback)
    {
        var text = ManagementQuery.Text(request, "limit");
        return text is null ? fallback : ManagementQuery.WholeNumber(request, "limit", 0, 1, 100_000);
    }
}
