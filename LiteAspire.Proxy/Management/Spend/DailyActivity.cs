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
/// Without a page (the <c>/aggregated</c> routes) every matching row counts, and, as in LiteLLM, only the
/// <c>api_key_limit</c> keys with the most spend over the range get per-key lines (<c>api_keys</c>, <c>api_key_breakdown</c>);
/// the others still count in every total, and <c>metadata</c> says how many keys there were (<c>total_api_keys</c>).
/// The database groups the rows (one GROUP BY per query, at the finest grain its levels need); the levels are added up here.
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

        /// <summary>Without a page: how many keys (those with the most spend) get per-key lines.</summary>
        public int ApiKeyLimit { get; init; } = DefaultApiKeyLimit;

        /// <summary>Whether the breakdown lists the entities (LiteLLM leaves them out of a user's aggregated activity).</summary>
        public bool IncludeEntities { get; init; } = true;
    }

    /// <summary>LiteLLM's default <c>api_key_limit</c> of the <c>/aggregated</c> routes.</summary>
    public const int DefaultApiKeyLimit = 100;

    /// <summary>LiteLLM's largest <c>api_key_limit</c>.</summary>
    public const int MaxApiKeyLimit = 1000;

    /// <summary>
    /// Runs <paramref name="query"/> over <paramref name="table"/>; <paramref name="entityMetadata"/> names the entities found.
    /// <paramref name="rollup"/>, when given, holds the same sums as <paramref name="table"/> without entities and keys: an
    /// aggregated query that filters on neither reads its key-free levels there (a few rows a day instead of thousands).
    /// </summary>
    public static async Task<Response> RunAsync(LiteLLMDbContext db, IQueryable<DailyRow> table, Query query,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<Dictionary<string, JsonObject>>> entityMetadata, CancellationToken cancellationToken,
        IQueryable<DailyRow>? rollup = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(entityMetadata);
        var rows = Filter(table, query);
        var buckets = new Rollup();
        JsonObject metadata;
        if (query.Page is { } page)
        {
            // A page is at most page_size rows: read them and sum every level here.
            var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
            var onPage = total == 0 ? []
                : await rows.OrderByDescending(r => r.Date).ThenBy(r => r.Id).Skip((int)Math.Min((page - 1L) * query.PageSize, int.MaxValue))
                    .Take(query.PageSize).Select(s_row).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in onPage)
            {
                buckets.AddKeyFree(row);
                buckets.AddKeyed(row, query.IncludeEntities);
                if (query.IncludeEntities)
                {
                    buckets.AddEntity(row);
                }
            }

            metadata = new JsonObject { ["page"] = page, ["total_pages"] = Pages(total, query.PageSize), ["has_more"] = (long)page * query.PageSize < total };
        }
        else
        {
            // Every row of the range: the database groups them (each query one GROUP BY, at the finest grain its levels need)
            // and the levels are summed here from those groups. Per-key lines are for the keys with the most spend only.
            var perKey = await rows.GroupBy(r => r.ApiKey).Select(g => new { ApiKey = g.Key, Spend = g.Sum(r => r.Spend) })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var topKeys = perKey.OrderByDescending(k => k.Spend).ThenBy(k => k.ApiKey, StringComparer.Ordinal).Take(query.ApiKeyLimit)
                .Select(k => k.ApiKey).ToList();
            if (perKey.Count > 0)
            {
                var everything = query.Entities is null && query.ExcludedEntities is not { Count: > 0 } && query.ApiKey is null;
                var keyFree = rollup is not null && everything ? Filter(rollup, query) : rows;
                foreach (var group in await KeyFreeGroups(keyFree).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    buckets.AddKeyFree(group);
                }

                foreach (var group in query.IncludeEntities ? await EntityGroups(rows).ToListAsync(cancellationToken).ConfigureAwait(false) : [])
                {
                    buckets.AddEntity(group);
                }

                foreach (var group in await KeyedGroups(rows.Where(r => topKeys.Contains(r.ApiKey))).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    buckets.AddKeyed(group, query.IncludeEntities);
                }
            }

            metadata = new JsonObject
            {
                ["page"] = 1, ["total_pages"] = perKey.Count > 0 ? 1 : 0, ["has_more"] = false,
                ["total_api_keys"] = perKey.Count, ["api_key_limit"] = query.ApiKeyLimit,
            };
        }

        var all = buckets.Sorted();
        var keys = all.Where(b => b.ApiKey is not null).Select(b => b.ApiKey!).Distinct(StringComparer.Ordinal).ToList();
        var keyMetadata = await KeyMetadataAsync(db, keys, cancellationToken).ConfigureAwait(false);
        var entities = all.Where(b => b.Level == (int)Level.Entity).Select(b => b.Key ?? Unassigned).Distinct(StringComparer.Ordinal).ToList();
        var named = await entityMetadata(entities, cancellationToken).ConfigureAwait(false);
        return new DailyActivityJson(keyMetadata, named).Build(all, metadata);
    }

    private const string Unassigned = "Unassigned";

    private static int Pages(int total, int size) => total == 0 ? 0 : Keys.ManagementQuery.Pages(total, size);

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

    private static readonly Expression<Func<DailyRow, Group>> s_row = r => new Group
    {
        Date = r.Date, ApiKey = r.ApiKey, Model = r.Model, ModelGroup = r.ModelGroup ?? r.Model, Provider = r.Provider, Mcp = r.Mcp,
        Endpoint = r.Endpoint, Entity = r.Entity, Spend = r.Spend, PromptTokens = r.PromptTokens, CompletionTokens = r.CompletionTokens,
        CacheRead = r.CacheRead, CacheCreation = r.CacheCreation, ApiRequests = r.ApiRequests, Successful = r.Successful, Failed = r.Failed,
    };

    // The date, model, model group, provider, endpoint and MCP levels: a few rows per model and day, whatever the keys.
    private static IQueryable<Group> KeyFreeGroups(IQueryable<DailyRow> rows) =>
        rows.GroupBy(r => new { r.Date, r.Model, ModelGroup = r.ModelGroup ?? r.Model, r.Provider, r.Mcp, r.Endpoint }).Select(g => new Group
        {
            Date = g.Key.Date, Model = g.Key.Model, ModelGroup = g.Key.ModelGroup, Provider = g.Key.Provider, Mcp = g.Key.Mcp, Endpoint = g.Key.Endpoint,
            Spend = g.Sum(r => r.Spend), PromptTokens = g.Sum(r => r.PromptTokens), CompletionTokens = g.Sum(r => r.CompletionTokens),
            CacheRead = g.Sum(r => r.CacheRead), CacheCreation = g.Sum(r => r.CacheCreation), ApiRequests = g.Sum(r => r.ApiRequests),
            Successful = g.Sum(r => r.Successful), Failed = g.Sum(r => r.Failed),
        });

    private static IQueryable<Group> EntityGroups(IQueryable<DailyRow> rows) =>
        rows.GroupBy(r => new { r.Date, r.Entity }).Select(g => new Group
        {
            Date = g.Key.Date, Entity = g.Key.Entity,
            Spend = g.Sum(r => r.Spend), PromptTokens = g.Sum(r => r.PromptTokens), CompletionTokens = g.Sum(r => r.CompletionTokens),
            CacheRead = g.Sum(r => r.CacheRead), CacheCreation = g.Sum(r => r.CacheCreation), ApiRequests = g.Sum(r => r.ApiRequests),
            Successful = g.Sum(r => r.Successful), Failed = g.Sum(r => r.Failed),
        });

    private static IQueryable<Group> KeyedGroups(IQueryable<DailyRow> rows) =>
        rows.GroupBy(r => new { r.Date, r.ApiKey, r.Model, ModelGroup = r.ModelGroup ?? r.Model, r.Provider, r.Mcp, r.Endpoint, r.Entity }).Select(g => new Group
        {
            Date = g.Key.Date, ApiKey = g.Key.ApiKey, Model = g.Key.Model, ModelGroup = g.Key.ModelGroup, Provider = g.Key.Provider, Mcp = g.Key.Mcp,
            Endpoint = g.Key.Endpoint, Entity = g.Key.Entity,
            Spend = g.Sum(r => r.Spend), PromptTokens = g.Sum(r => r.PromptTokens), CompletionTokens = g.Sum(r => r.CompletionTokens),
            CacheRead = g.Sum(r => r.CacheRead), CacheCreation = g.Sum(r => r.CacheCreation), ApiRequests = g.Sum(r => r.ApiRequests),
            Successful = g.Sum(r => r.Successful), Failed = g.Sum(r => r.Failed),
        });

    // The levels' sums, added up from groups; a null dimension is a group of its own, as in SQL.
    private sealed class Rollup
    {
        private readonly Dictionary<(Level Level, string Date, string? Key, string? ApiKey), Bucket> _buckets = [];

        public void AddKeyFree(Group g)
        {
            Add(Level.Date, g, g.Date, null);
            Add(Level.Model, g, g.Model, null);
            Add(Level.ModelGroup, g, g.ModelGroup, null);
            Add(Level.Provider, g, g.Provider, null);
            Add(Level.Endpoint, g, g.Endpoint, null);
            Add(Level.Mcp, g, g.Mcp, null);
        }

        public void AddEntity(Group g) => Add(Level.Entity, g, g.Entity, null);

        public void AddKeyed(Group g, bool withEntity)
        {
            Add(Level.ApiKey, g, g.ApiKey, g.ApiKey);
            Add(Level.ModelKey, g, g.Model, g.ApiKey);
            Add(Level.ModelGroupKey, g, g.ModelGroup, g.ApiKey);
            Add(Level.ProviderKey, g, g.Provider, g.ApiKey);
            Add(Level.EndpointKey, g, g.Endpoint, g.ApiKey);
            Add(Level.McpKey, g, g.Mcp, g.ApiKey);
            if (withEntity)
            {
                Add(Level.EntityKey, g, g.Entity, g.ApiKey);
            }
        }

        // In a fixed order (level, day, name, key), so the answer's objects list their members the same way every time.
        public List<Bucket> Sorted() => [.. _buckets.Values.OrderBy(b => b.Level).ThenBy(b => b.Date, StringComparer.Ordinal)
            .ThenBy(b => b.Key, StringComparer.Ordinal).ThenBy(b => b.ApiKey, StringComparer.Ordinal)];

        private void Add(Level level, Group g, string? key, string? apiKey)
        {
            var id = (level, g.Date, key, apiKey);
            var sum = _buckets.TryGetValue(id, out var existing) ? existing : new Bucket { Level = (int)level, Date = g.Date, Key = key, ApiKey = apiKey };
            _buckets[id] = new Bucket
            {
                Level = sum.Level, Date = sum.Date, Key = sum.Key, ApiKey = sum.ApiKey, Spend = sum.Spend + g.Spend,
                PromptTokens = sum.PromptTokens + g.PromptTokens, CompletionTokens = sum.CompletionTokens + g.CompletionTokens,
                CacheRead = sum.CacheRead + g.CacheRead, CacheCreation = sum.CacheCreation + g.CacheCreation, ApiRequests = sum.ApiRequests + g.ApiRequests,
                Successful = sum.Successful + g.Successful, Failed = sum.Failed + g.Failed,
            };
        }
    }

    private static async Task<Dictionary<string, KeyMetadataJson>> KeyMetadataAsync(LiteLLMDbContext db, List<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, KeyMetadataJson>(StringComparer.Ordinal);
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
            result[key.Token] = new KeyMetadataJson(key.KeyAlias, key.TeamId);
        }

        return result;
    }

    /// <summary>Rows summed by the dimensions a query groups by; the others are null.</summary>
    public sealed class Group : DailyMetrics
    {
        /// <summary>Day.</summary>
        public required string Date { get; init; }

        /// <summary>Key hash.</summary>
        public string? ApiKey { get; init; }

        /// <summary>Model.</summary>
        public string? Model { get; init; }

        /// <summary>Model group (the model when the row has none).</summary>
        public string? ModelGroup { get; init; }

        /// <summary>Provider.</summary>
        public string? Provider { get; init; }

        /// <summary>MCP tool.</summary>
        public string? Mcp { get; init; }

        /// <summary>Endpoint.</summary>
        public string? Endpoint { get; init; }

        /// <summary>The user, team, organization, customer or tag.</summary>
        public string? Entity { get; init; }
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

    /// <summary>The answer: the days newest first, and the totals with the page's metadata.</summary>
    /// <param name="Results">One entry per day.</param>
    /// <param name="Metadata">Totals, paging, and (aggregated) the key counts.</param>
    public sealed record Response(IReadOnlyList<DayJson> Results, JsonObject Metadata);

    /// <summary>One day: its metrics and their breakdowns.</summary>
    public sealed class DayJson
    {
        /// <summary>The day.</summary>
        public required string Date { get; init; }

        /// <summary>The day's sums.</summary>
        public MetricsJson Metrics { get; set; } = MetricsJson.Zero;

        /// <summary>The day's sums per model, group, provider, endpoint, MCP tool, key and entity.</summary>
        public BreakdownJson Breakdown { get; } = new();
    }

    /// <summary>LiteLLM's <c>BreakdownMetrics</c>.</summary>
    public sealed class BreakdownJson
    {
        /// <summary>Per MCP tool.</summary>
        public SortedDictionary<string, EntryJson> McpServers { get; } = new(StringComparer.Ordinal);

        /// <summary>Per model.</summary>
        public SortedDictionary<string, EntryJson> Models { get; } = new(StringComparer.Ordinal);

        /// <summary>Per model group.</summary>
        public SortedDictionary<string, EntryJson> ModelGroups { get; } = new(StringComparer.Ordinal);

        /// <summary>Per provider.</summary>
        public SortedDictionary<string, EntryJson> Providers { get; } = new(StringComparer.Ordinal);

        /// <summary>Per endpoint.</summary>
        public SortedDictionary<string, EntryJson> Endpoints { get; } = new(StringComparer.Ordinal);

        /// <summary>Per key.</summary>
        public SortedDictionary<string, KeyEntryJson> ApiKeys { get; } = new(StringComparer.Ordinal);

        /// <summary>Per user, team, organization, customer or tag.</summary>
        public SortedDictionary<string, EntryJson> Entities { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>LiteLLM's <c>MetricWithMetadata</c>: sums, metadata, and the same per key.</summary>
    public sealed class EntryJson
    {
        /// <summary>Sums.</summary>
        public MetricsJson Metrics { get; set; } = MetricsJson.Zero;

        /// <summary>The entity's names (team alias, ...) as a JSON object, or an empty one.</summary>
        public required object Metadata { get; init; }

        /// <summary>Sums per key.</summary>
        public SortedDictionary<string, KeyEntryJson> ApiKeyBreakdown { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>LiteLLM's <c>KeyMetricWithMetadata</c>.</summary>
    /// <param name="Metrics">Sums.</param>
    /// <param name="Metadata">The key's alias and team.</param>
    public sealed record KeyEntryJson(MetricsJson Metrics, KeyMetadataJson Metadata);

    /// <summary>A key's names.</summary>
    /// <param name="KeyAlias">Alias.</param>
    /// <param name="TeamId">Team.</param>
    public sealed record KeyMetadataJson(string? KeyAlias, string? TeamId)
    {
        /// <summary>A key the database no longer knows.</summary>
        public static readonly KeyMetadataJson Unknown = new(null, null);
    }

    /// <summary>LiteLLM's <c>SpendMetrics</c>.</summary>
    /// <param name="Spend">Spend.</param>
    /// <param name="PromptTokens">Prompt tokens.</param>
    /// <param name="CompletionTokens">Completion tokens.</param>
    /// <param name="CacheReadInputTokens">Cache-read tokens.</param>
    /// <param name="CacheCreationInputTokens">Cache-creation tokens.</param>
    /// <param name="TotalTokens">Prompt and completion tokens.</param>
    /// <param name="SuccessfulRequests">Successes.</param>
    /// <param name="FailedRequests">Failures.</param>
    /// <param name="ApiRequests">Requests.</param>
    public sealed record MetricsJson(double Spend, long PromptTokens, long CompletionTokens, long CacheReadInputTokens, long CacheCreationInputTokens,
        long TotalTokens, long SuccessfulRequests, long FailedRequests, long ApiRequests)
    {
        /// <summary>Nothing yet.</summary>
        public static readonly MetricsJson Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

        /// <summary>A bucket's sums.</summary>
        public static MetricsJson Of(DailyMetrics b) => new(b.Spend, b.PromptTokens, b.CompletionTokens, b.CacheRead, b.CacheCreation,
            b.PromptTokens + b.CompletionTokens, b.Successful, b.Failed, b.ApiRequests);
    }

    // Places each bucket in LiteLLM's nesting, as typed objects the serializer writes straight out (a DOM of a 100-key month
    // was most of the request's time).
    private sealed class DailyActivityJson(Dictionary<string, KeyMetadataJson> keyMetadata, Dictionary<string, JsonObject> entityMetadata)
    {
        private static readonly NoMetadata s_noMetadata = new();
        private readonly SortedDictionary<string, DayJson> _days = new(StringComparer.Ordinal);

        public Response Build(List<Bucket> buckets, JsonObject pageMetadata)
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

            var metadata = new JsonObject
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
            };
            foreach (var (name, value) in pageMetadata.ToList())
            {
                pageMetadata.Remove(name);
                metadata[name] = value;
            }

            return new Response([.. _days.Values.Reverse()], metadata);
        }

        private void Place(Bucket bucket)
        {
            var breakdown = Day(bucket.Date).Breakdown;
            switch ((Level)bucket.Level)
            {
                case Level.Date:
                    Day(bucket.Date).Metrics = MetricsJson.Of(bucket);
                    break;
                case Level.ApiKey:
                    breakdown.ApiKeys[bucket.ApiKey!] = KeyEntry(bucket);
                    break;
                case Level.Model or Level.ModelGroup or Level.Endpoint or Level.Mcp when bucket.Key is not null:
                    Entry(breakdown, bucket).Metrics = MetricsJson.Of(bucket);
                    break;
                case Level.Provider or Level.Entity:
                    Entry(breakdown, bucket).Metrics = MetricsJson.Of(bucket);
                    break;
                case Level.ModelKey or Level.ModelGroupKey or Level.EndpointKey or Level.McpKey when bucket.Key is not null:
                    Entry(breakdown, bucket).ApiKeyBreakdown[bucket.ApiKey!] = KeyEntry(bucket);
                    break;
                case Level.ProviderKey or Level.EntityKey:
                    Entry(breakdown, bucket).ApiKeyBreakdown[bucket.ApiKey!] = KeyEntry(bucket);
                    break;
                default:
                    break; // A null model, endpoint or MCP tool is no entry, as in LiteLLM.
            }
        }

        private EntryJson Entry(BreakdownJson breakdown, Bucket bucket)
        {
            var (group, name) = (Level)bucket.Level switch
            {
                Level.Model or Level.ModelKey => (breakdown.Models, bucket.Key!),
                Level.ModelGroup or Level.ModelGroupKey => (breakdown.ModelGroups, bucket.Key!),
                Level.Provider or Level.ProviderKey => (breakdown.Providers, bucket.Key ?? "unknown"),
                Level.Endpoint or Level.EndpointKey => (breakdown.Endpoints, bucket.Key!),
                Level.Mcp or Level.McpKey => (breakdown.McpServers, bucket.Key!),
                _ => (breakdown.Entities, bucket.Key ?? Unassigned),
            };
            if (!group.TryGetValue(name, out var entry))
            {
                // The entities' names are shared between days: serialized as often as needed, never edited.
                object metadata = group == breakdown.Entities && entityMetadata.TryGetValue(name, out var named) ? named : s_noMetadata;
                group[name] = entry = new EntryJson { Metadata = metadata };
            }

            return entry;
        }

        private KeyEntryJson KeyEntry(Bucket bucket) =>
            new(MetricsJson.Of(bucket), keyMetadata.GetValueOrDefault(bucket.ApiKey!) ?? KeyMetadataJson.Unknown);

        private DayJson Day(string date)
        {
            if (!_days.TryGetValue(date, out var day))
            {
                _days[date] = day = new DayJson { Date = date };
            }

            return day;
        }

        // {} (a type without members: shared by every request without any of them touching a JSON node).
        private sealed class NoMetadata;

        private static Bucket Add(Bucket a, Bucket b) => new()
        {
            Date = a.Date, Spend = a.Spend + b.Spend, PromptTokens = a.PromptTokens + b.PromptTokens, CompletionTokens = a.CompletionTokens + b.CompletionTokens,
            CacheRead = a.CacheRead + b.CacheRead, CacheCreation = a.CacheCreation + b.CacheCreation, ApiRequests = a.ApiRequests + b.ApiRequests,
            Successful = a.Successful + b.Successful, Failed = a.Failed + b.Failed,
        };
    }
}
