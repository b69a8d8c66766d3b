using System.Linq.Expressions;
using System.Text.Json.Nodes;

using LiteAspire.Data;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>
/// LiteLLM's <c>SpendAnalyticsPaginatedResponse</c> from a Daily*Spend table: <c>{"results": [{"date", "metrics",
/// "breakdown": {"models", "model_groups", "providers", "endpoints", "mcp_servers", "api_keys", "entities"}}],
/// "metadata": {"total_spend", ..., "page", "total_pages", "has_more"}}</c>. As LiteLLM's, a page is <c>page_size</c>
/// table rows (newest day first, then row id) and the totals are the page's, so summing every page gives the whole.
/// Every sum is a GROUP BY over that page in one UNION ALL query.
/// </summary>
public static class DailyActivity
{
    private enum Level
    {
        Date, Model, ModelKey, ModelGroup, ModelGroupKey, Provider, ProviderKey, Endpoint, EndpointKey, Mcp, McpKey, ApiKey, Entity, EntityKey,
    }

    /// <summary>The filters of one request, entity ones already narrowed by access.</summary>
    public sealed record Query
    {
        /// <summary>First day (<c>YYYY-MM-DD</c>).</summary>
        public required string Start { get; init; }

        /// <summary>Last day.</summary>
        public required string End { get; init; }

        /// <summary>Only these entities, or all when null (an empty list matches nothing).</summary>
        public IReadOnlyList<string>? Entities { get; init; }

        /// <summary>Not these entities.</summary>
        public IReadOnlyList<string>? ExcludedEntities { get; init; }

        /// <summary>One model.</summary>
        public string? Model { get; init; }

        /// <summary>One key (hash).</summary>
        public string? ApiKey { get; init; }

        /// <summary>Page (from 1), or null for everything on one page (the <c>/aggregated</c> routes).</summary>
        public int? Page { get; init; }

        /// <summary>Rows per page.</summary>
        public int PageSize { get; init; }
    }

    /// <summary>Runs <paramref name="query"/> over <paramref name="table"/>; <paramref name="entityMetadata"/> names the entities found.</summary>
    public static async Task<JsonObject> RunAsync(LiteLLMDbContext db, IQueryable<DailyRow> table, Query query,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<Dictionary<string, JsonObject>>> entityMetadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(entityMetadata);
        var rows = Filter(table, query);
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = query.Page ?? 1;
        var size = query.Page is null ? Math.Max(total, 1) : query.PageSize;
        var onPage = query.Page is null ? rows
            : rows.OrderByDescending(r => r.Date).ThenBy(r => r.Id).Skip((int)Math.Min((page - 1L) * size, int.MaxValue)).Take(size);
        var buckets = total == 0 ? [] : await Sums(onPage).ToListAsync(cancellationToken).ConfigureAwait(false);

        var keys = buckets.Where(b => b.ApiKey is not null).Select(b => b.ApiKey!).Distinct(StringComparer.Ordinal).ToList();
        var keyMetadata = await KeyMetadataAsync(db, keys, cancellationToken).ConfigureAwait(false);
        var entities = buckets.Where(b => b.Level == (int)Level.Entity).Select(b => b.Key ?? Unassigned).Distinct(StringComparer.Ordinal).ToList();
        var named = await entityMetadata(entities, cancellationToken).ConfigureAwait(false);
        return new DailyActivityJson(keyMetadata, named).Build(buckets, page, ManagementQueryPages(total, size), (long)page * size < total);
    }

    private const string Unassigned = "Unassigned";

    private static int ManagementQueryPages(int total, int size) => total == 0 ? 0 : Keys.ManagementQuery.Pages(total, size);

    private static IQueryable<DailyRow> Filter(IQueryable<DailyRow> rows, Query query)
    {
        var (start, end) = (query.Start, query.End);
        rows = rows.Where(r => string.Compare(r.Date, start) >= 0 && string.Compare(r.Date, end) <= 0);
        if (query.Entities is { } only)
        {
            rows = rows.Where(r => r.Entity != null && only.Contains(r.Entity));
        }

        if (query.ExcludedEntities is { Count: > 0 } excluded)
        {
            rows = rows.Where(r => r.Entity == null || !excluded.Contains(r.Entity));
        }

        if (query.Model is { } model)
        {
            rows = rows.Where(r => r.Model == model);
        }

        if (query.ApiKey is { } key)
        {
            rows = rows.Where(r => r.ApiKey == key);
        }

        return rows;
    }

    // Every level's sums as one UNION ALL: one round trip, each branch a GROUP BY over the page.
    private static IQueryable<Bucket> Sums(IQueryable<DailyRow> page) =>
        PerKey(page, Level.ModelKey, r => r.Model)
            .Concat(PerKey(page, Level.ModelGroupKey, r => r.ModelGroup ?? r.Model))
            .Concat(PerKey(page, Level.ProviderKey, r => r.Provider))
            .Concat(PerKey(page, Level.EndpointKey, r => r.Endpoint))
            .Concat(PerKey(page, Level.McpKey, r => r.Mcp))
            .Concat(PerKey(page, Level.EntityKey, r => r.Entity))
            .Concat(PerKey(page, Level.ApiKey, r => r.ApiKey))
            .Concat(Per(page, Level.Model, r => r.Model))
            .Concat(Per(page, Level.ModelGroup, r => r.ModelGroup ?? r.Model))
            .Concat(Per(page, Level.Provider, r => r.Provider))
            .Concat(Per(page, Level.Endpoint, r => r.Endpoint))
            .Concat(Per(page, Level.Mcp, r => r.Mcp))
            .Concat(Per(page, Level.Entity, r => r.Entity))
            .Concat(Per(page, Level.Date, r => r.Date));

    private static IQueryable<Bucket> Per(IQueryable<DailyRow> page, Level level, Expression<Func<DailyRow, string?>> key) =>
        page.Select(DailyRows.Bind(s_keyed, key)).GroupBy(k => new { k.Date, k.Key }).Select(g => new Bucket
        {
            Level = (int)level, Date = g.Key.Date, Key = g.Key.Key, ApiKey = null, Spend = g.Sum(k => k.Spend), PromptTokens = g.Sum(k => k.PromptTokens),
            CompletionTokens = g.Sum(k => k.CompletionTokens), CacheRead = g.Sum(k => k.CacheRead), CacheCreation = g.Sum(k => k.CacheCreation),
            ApiRequests = g.Sum(k => k.ApiRequests), Successful = g.Sum(k => k.Successful), Failed = g.Sum(k => k.Failed),
        });

    private static IQueryable<Bucket> PerKey(IQueryable<DailyRow> page, Level level, Expression<Func<DailyRow, string?>> key) =>
        page.Select(DailyRows.Bind(s_keyed, key)).GroupBy(k => new { k.Date, k.Key, k.ApiKey }).Select(g => new Bucket
        {
            Level = (int)level, Date = g.Key.Date, Key = g.Key.Key, ApiKey = g.Key.ApiKey, Spend = g.Sum(k => k.Spend), PromptTokens = g.Sum(k => k.PromptTokens),
            CompletionTokens = g.Sum(k => k.CompletionTokens), CacheRead = g.Sum(k => k.CacheRead), CacheCreation = g.Sum(k => k.CacheCreation),
            ApiRequests = g.Sum(k => k.ApiRequests), Successful = g.Sum(k => k.Successful), Failed = g.Sum(k => k.Failed),
        });

    private static readonly Expression<Func<DailyRow, string?, Keyed>> s_keyed = (r, key) => new Keyed
    {
        Date = r.Date, Key = key, ApiKey = r.ApiKey, Spend = r.Spend, PromptTokens = r.PromptTokens, CompletionTokens = r.CompletionTokens,
        CacheRead = r.CacheRead, CacheCreation = r.CacheCreation, ApiRequests = r.ApiRequests, Successful = r.Successful, Failed = r.Failed,
    };

    private static async Task<Dictionary<string, JsonObject>> KeyMetadataAsync(LiteLLMDbContext db, List<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        // Deleted keys still name their history (LiteLLM reads LiteLLM_DeletedVerificationToken for the same reason).
        var deleted = await db.DeletedVerificationTokens.AsNoTracking().Where(k => keys.Contains(k.Token))
            .Select(k => new { k.Token, k.KeyAlias, k.TeamId }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var live = await db.VerificationTokens.AsNoTracking().Where(k => keys.Contains(k.Token))
            .Select(k => new { k.Token, k.KeyAlias, k.TeamId }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in deleted.Concat(live))
        {
            result[key.Token] = new JsonObject { ["key_alias"] = key.KeyAlias, ["team_id"] = key.TeamId };
        }

        return result;
    }

    /// <summary>A row reduced to one grouping key.</summary>
    public sealed class Keyed : DailyMetrics
    {
        /// <summary>Day.</summary>
        public required string Date { get; init; }

        /// <summary>The dimension's value.</summary>
        public string? Key { get; init; }

        /// <summary>Key hash.</summary>
        public required string ApiKey { get; init; }
    }

    /// <summary>The sums of one group at one level.</summary>
    public sealed class Bucket : DailyMetrics
    {
        /// <summary>Which grouping (a <c>Level</c>).</summary>
        public int Level { get; init; }

        /// <summary>Day.</summary>
        public required string Date { get; init; }

        /// <summary>The dimension's value (model, provider, ...); the day itself at the date level.</summary>
        public string? Key { get; init; }

        /// <summary>The key, at the per-key levels.</summary>
        public string? ApiKey { get; init; }
    }

    // Places each bucket in LiteLLM's nesting.
    private sealed class DailyActivityJson(Dictionary<string, JsonObject> keyMetadata, Dictionary<string, JsonObject> entityMetadata)
    {
        private readonly SortedDictionary<string, JsonObject> _days = new(StringComparer.Ordinal);

        public JsonObject Build(List<Bucket> buckets, int page, int totalPages, bool hasMore)
        {
            var totals = new Bucket { Date = "" };
            foreach (var bucket in buckets)
            {
                Place(bucket);
                if (bucket.Level == (int)Level.Date)
                {
                    totals = Add(totals, bucket);
                }
            }

            return new JsonObject
            {
                ["results"] = new JsonArray([.. _days.Reverse().Select(d => (JsonNode)d.Value)]),
                ["metadata"] = new JsonObject
                {
                    ["total_spend"] = totals.Spend,
                    ["total_prompt_tokens"] = totals.PromptTokens,
                    ["total_completion_tokens"] = totals.CompletionTokens,
                    ["total_tokens"] = totals.PromptTokens + totals.CompletionTokens,
                    ["total_api_requests"] = totals.ApiRequests,
                    ["total_successful_requests"] = totals.Successful,
                    ["total_failed_requests"] = totals.Failed,
                    ["total_cache_read_input_tokens"] = totals.CacheRead,
                    ["total_cache_creation_input_tokens"] = totals.CacheCreation,
                    ["page"] = page,
                    ["total_pages"] = totalPages,
                    ["has_more"] = hasMore,
                },
            };
        }

        private void Place(Bucket bucket)
        {
            var day = Day(bucket.Date);
            var breakdown = day["breakdown"]!.AsObject();
            switch ((Level)bucket.Level)
            {
                case Level.Date:
                    day["metrics"] = Metrics(bucket);
                    break;
                case Level.ApiKey:
                    breakdown["api_keys"]![bucket.Key!] = KeyEntry(bucket);
                    break;
                case Level.Model or Level.ModelGroup or Level.Endpoint or Level.Mcp when bucket.Key is not null:
                    Entry(breakdown, bucket)["metrics"] = Metrics(bucket);
                    break;
                case Level.Provider or Level.Entity:
                    Entry(breakdown, bucket)["metrics"] = Metrics(bucket);
                    break;
                case Level.ModelKey or Level.ModelGroupKey or Level.EndpointKey or Level.McpKey when bucket.Key is not null:
                    Entry(breakdown, bucket)["api_key_breakdown"]![bucket.ApiKey!] = KeyEntry(bucket);
                    break;
                case Level.ProviderKey or Level.EntityKey:
                    Entry(breakdown, bucket)["api_key_breakdown"]![bucket.ApiKey!] = KeyEntry(bucket);
                    break;
                default:
                    break; // A null model, endpoint or MCP tool is no entry, as in LiteLLM.
            }
        }

        private JsonObject Entry(JsonObject breakdown, Bucket bucket)
        {
            var (list, name) = (Level)bucket.Level switch
            {
                Level.Model or Level.ModelKey => ("models", bucket.Key!),
                Level.ModelGroup or Level.ModelGroupKey => ("model_groups", bucket.Key!),
                Level.Provider or Level.ProviderKey => ("providers", bucket.Key ?? "unknown"),
                Level.Endpoint or Level.EndpointKey => ("endpoints", bucket.Key!),
                Level.Mcp or Level.McpKey => ("mcp_servers", bucket.Key!),
                _ => ("entities", bucket.Key ?? Unassigned),
            };
            var group = breakdown[list]!.AsObject();
            if (group[name] is JsonObject existing)
            {
                return existing;
            }

            var metadata = list == "entities" && entityMetadata.TryGetValue(name, out var named) ? named.DeepClone() : new JsonObject();
            var entry = new JsonObject { ["metrics"] = Metrics(new Bucket { Date = "" }), ["metadata"] = metadata, ["api_key_breakdown"] = new JsonObject() };
            group[name] = entry;
            return entry;
        }

        private JsonObject KeyEntry(Bucket bucket)
        {
            var key = bucket.ApiKey ?? bucket.Key!;
            var metadata = keyMetadata.TryGetValue(key, out var known) ? known.DeepClone() : new JsonObject { ["key_alias"] = null, ["team_id"] = null };
            return new JsonObject { ["metrics"] = Metrics(bucket), ["metadata"] = metadata };
        }

        private JsonObject Day(string date)
        {
            if (!_days.TryGetValue(date, out var day))
            {
                _days[date] = day = new JsonObject
                {
                    ["date"] = date,
                    ["metrics"] = Metrics(new Bucket { Date = date }),
                    ["breakdown"] = new JsonObject
                    {
                        ["mcp_servers"] = new JsonObject(), ["models"] = new JsonObject(), ["model_groups"] = new JsonObject(),
                        ["providers"] = new JsonObject(), ["endpoints"] = new JsonObject(), ["api_keys"] = new JsonObject(), ["entities"] = new JsonObject(),
                    },
                };
            }

            return day;
        }

        private static JsonObject Metrics(Bucket b) => new()
        {
            ["spend"] = b.Spend,
            ["prompt_tokens"] = b.PromptTokens,
            ["completion_tokens"] = b.CompletionTokens,
            ["cache_read_input_tokens"] = b.CacheRead,
            ["cache_creation_input_tokens"] = b.CacheCreation,
            ["total_tokens"] = b.PromptTokens + b.CompletionTokens,
            ["successful_requests"] = b.Successful,
            ["failed_requests"] = b.Failed,
            ["api_requests"] = b.ApiRequests,
        };

        private static Bucket Add(Bucket a, Bucket b) => new()
        {
            Date = a.Date, Spend = a.Spend + b.Spend, PromptTokens = a.PromptTokens + b.PromptTokens, CompletionTokens = a.CompletionTokens + b.CompletionTokens,
            CacheRead = a.CacheRead + b.CacheRead, CacheCreation = a.CacheCreation + b.CacheCreation, ApiRequests = a.ApiRequests + b.ApiRequests,
            Successful = a.Successful + b.Successful, Failed = a.Failed + b.Failed,
        };
    }
}
