using System.Globalization;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>
/// <c>GET /global/spend/report?start_date&amp;end_date&amp;group_by=</c> (proxy admins and viewers). LiteLLM's groupings:
/// <c>team</c> (default) and <c>customer</c> as <c>[{"group_by_day", "teams"|"customers": [{"team_name"|"customer",
/// "total_spend", "metadata": [{model, api_key, spend, total_tokens}]}]}]</c>, and <c>api_key</c> as <c>[{api_key,
/// total_cost, total_input_tokens, total_output_tokens, model_details: [...]}]</c> (also what <c>api_key=</c> or
/// <c>internal_user_id=</c> select). Ours besides, in the per-day shape: <c>key</c> (<c>"keys": [{"api_key", ...}]</c>),
/// <c>model</c>, <c>tag</c> and <c>day</c> (<c>{"group_by_day", "total_spend", "metadata"}</c>). <c>team_id</c> and
/// <c>customer_id</c> narrow any grouping.
/// </summary>
public static class SpendReport
{
    private static readonly string[] s_groupings = ["team", "customer", "api_key", "key", "model", "tag", "day"];

    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "the spend report");
        var request = context.Request;
        var groupBy = ManagementQuery.Text(request, "group_by") ?? "team";
        if (!s_groupings.Contains(groupBy))
        {
            throw ManagementErrors.BadRequest(
                $"Invalid value for 'group_by': '{groupBy}'. Must be one of: {string.Join(", ", s_groupings)}.", "group_by");
        }

        var (start, end) = SpendParameters.RequiredRange(request);
        var apiKey = SpendParameters.ApiKey(request);
        var internalUser = ManagementQuery.Text(request, "internal_user_id");
        var teamId = ManagementQuery.Text(request, "team_id");
        var customerId = ManagementQuery.Text(request, "customer_id");
        var db = ManagementDb.Of(context);
        var rows = db.SpendLogs.AsNoTracking().Where(r => r.StartTime >= start && r.StartTime <= end);
        rows = teamId is null ? rows : rows.Where(r => r.TeamId == teamId);
        rows = customerId is null ? rows : rows.Where(r => r.EndUser == customerId);
        var cancellationToken = context.RequestAborted;
        if (apiKey is not null || internalUser is not null || groupBy == "api_key")
        {
            rows = apiKey is null ? rows : rows.Where(r => r.ApiKey == apiKey);
            rows = internalUser is null ? rows : rows.Where(r => r.User == internalUser);
            return ManagementJson.Ok(await ByKeyAsync(rows, cancellationToken).ConfigureAwait(false));
        }

        var source = groupBy switch
        {
            "team" => from s in rows
                      join t in db.Teams on s.TeamId equals t.TeamId into teams
                      from t in teams.DefaultIfEmpty()
                      select new ReportSource
                      {
                          Day = s.StartTime.Date, Name = t == null || t.TeamAlias == null ? "Unassigned Team" : t.TeamAlias,
                          Model = s.Model, ApiKey = s.ApiKey, Spend = s.Spend, Tokens = s.TotalTokens,
                      },
            "customer" => rows.Select(s => new ReportSource { Day = s.StartTime.Date, Name = s.EndUser, Model = s.Model, ApiKey = s.ApiKey, Spend = s.Spend, Tokens = s.TotalTokens }),
            "key" => rows.Select(s => new ReportSource { Day = s.StartTime.Date, Name = s.ApiKey, Model = s.Model, ApiKey = s.ApiKey, Spend = s.Spend, Tokens = s.TotalTokens }),
            "model" => rows.Select(s => new ReportSource { Day = s.StartTime.Date, Name = s.Model, Model = s.Model, ApiKey = s.ApiKey, Spend = s.Spend, Tokens = s.TotalTokens }),
            "tag" => TaggedRows(db, start, end, teamId, customerId),
            _ => rows.Select(s => new ReportSource { Day = s.StartTime.Date, Name = null, Model = s.Model, ApiKey = s.ApiKey, Spend = s.Spend, Tokens = s.TotalTokens }),
        };
        var groups = await source.GroupBy(s => new { s.Day, s.Name, s.Model, s.ApiKey })
            .Select(g => new ReportGroup(g.Key.Day, g.Key.Name, g.Key.Model, g.Key.ApiKey, g.Sum(s => s.Spend), g.Sum(s => (long)s.Tokens)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(PerDay(groups, groupBy));
    }

    // Tag grouping has no team or customer columns to narrow by in the unnested rows: keep the requests that match.
    private static IQueryable<ReportSource> TaggedRows(LiteLLMDbContext db, DateTime start, DateTime end, string? teamId, string? customerId)
    {
        var pairs = TaggedSpend.Between(db, start, end);
        if (teamId is not null || customerId is not null)
        {
            var ids = db.SpendLogs.Where(r => (teamId == null || r.TeamId == teamId) && (customerId == null || r.EndUser == customerId)).Select(r => r.RequestId);
            pairs = pairs.Where(p => ids.Contains(p.RequestId));
        }

        return pairs.Select(p => new ReportSource { Day = p.StartTime.Date, Name = p.Tag, Model = p.Model, ApiKey = p.ApiKey, Spend = p.Spend, Tokens = p.TotalTokens });
    }

    private static JsonArray PerDay(List<ReportGroup> groups, string groupBy)
    {
        var (list, nameField) = groupBy switch
        {
            "team" => ("teams", "team_name"),
            "customer" => ("customers", "customer"),
            "key" => ("keys", "api_key"),
            "model" => ("models", "model"),
            "tag" => ("tags", "tag"),
            _ => (null, null),
        };
        var days = new JsonArray();
        foreach (var day in groups.GroupBy(g => g.Day).OrderBy(d => d.Key))
        {
            var entry = new JsonObject { ["group_by_day"] = day.Key.ToString("yyyy-MM-dd'T'00:00:00+00:00", CultureInfo.InvariantCulture) };
            if (list is null)
            {
                entry["total_spend"] = day.Sum(g => g.Spend);
                entry["metadata"] = Metadata(day);
            }
            else
            {
                entry[list] = new JsonArray([.. day.GroupBy(g => g.Name).OrderByDescending(n => n.Sum(g => g.Spend)).Select(n => (JsonNode)new JsonObject
                {
                    [nameField!] = n.Key,
                    ["total_spend"] = n.Sum(g => g.Spend),
                    ["metadata"] = Metadata(n),
                })]);
            }

            days.Add(entry);
        }

        return days;
    }

    private static JsonArray Metadata(IEnumerable<ReportGroup> groups) => new([.. groups.OrderByDescending(g => g.Spend).Select(g => (JsonNode)new JsonObject
    {
        ["model"] = g.Model,
        ["api_key"] = g.ApiKey,
        ["spend"] = g.Spend,
        ["total_tokens"] = g.Tokens,
    })]);

    // LiteLLM's per-key shape: totals per key, with a line per model, highest cost first.
    private static async Task<JsonArray> ByKeyAsync(IQueryable<SpendLogs> rows, CancellationToken cancellationToken)
    {
        var groups = await rows.GroupBy(r => new { r.ApiKey, r.Model })
            .Select(g => new { g.Key.ApiKey, g.Key.Model, Cost = g.Sum(r => r.Spend), Input = g.Sum(r => (long)r.PromptTokens), Output = g.Sum(r => (long)r.CompletionTokens) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new JsonArray([.. groups.GroupBy(g => g.ApiKey).OrderByDescending(k => k.Sum(g => g.Cost)).Select(k => (JsonNode)new JsonObject
        {
            ["api_key"] = k.Key,
            ["total_cost"] = k.Sum(g => g.Cost),
            ["total_input_tokens"] = k.Sum(g => g.Input),
            ["total_output_tokens"] = k.Sum(g => g.Output),
            ["model_details"] = new JsonArray([.. k.OrderByDescending(g => g.Cost).Select(g => (JsonNode)new JsonObject
            {
                ["model"] = g.Model,
                ["total_cost"] = g.Cost,
                ["total_input_tokens"] = g.Input,
                ["total_output_tokens"] = g.Output,
            })]),
        })]);
    }

    /// <summary>A log row reduced to what the report groups by.</summary>
    public sealed class ReportSource
    {
        /// <summary>UTC day.</summary>
        public DateTime Day { get; init; }

        /// <summary>The group's name (team alias, customer, key, model, tag), or null.</summary>
        public string? Name { get; init; }

        /// <summary>Model.</summary>
        public required string Model { get; init; }

        /// <summary>Key hash.</summary>
        public required string ApiKey { get; init; }

        /// <summary>Spend.</summary>
        public double Spend { get; init; }

        /// <summary>Total tokens.</summary>
        public int Tokens { get; init; }
    }

    private sealed record ReportGroup(DateTime Day, string? Name, string Model, string ApiKey, double Spend, long Tokens);
}
