using System.Globalization;
using System.Linq.Expressions;

using LiteAspire.Data.Schema;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace LiteAspire.Data.Spend;

/// <summary>
/// The daily aggregates of a spend batch: per user, team, organization, end user and tag, one row per (entity, UTC day,
/// key, model, provider, endpoint), and the key-free rollup (<c>LiteLLM_DailyGlobalSpend</c>), one row per (UTC day, model,
/// model group, provider, endpoint), with tokens, spend and request counts added in place. Groups are written in a fixed
/// order; a row that does not exist yet is added to the context (saved by the caller), so two writers creating the same
/// row collide on the unique key and the batch is retried rather than counted twice.
/// </summary>
internal static class DailySpendWriter
{
    /// <summary>Adds <paramref name="events"/> (each counted once already) to the Daily*Spend tables and their rollup at <paramref name="now"/>.</summary>
    public static async Task AddAsync(LiteLLMDbContext db, IReadOnlyList<SpendEvent> events, DateTime now, CancellationToken cancellationToken)
    {
        // Every request counts for its user, even without one: LiteLLM's usage pages read totals from this table.
        await AddAsync(db.DailyUserSpend, r => r.UserId, e => [e.UserId],
            (id, date, key) => new DailyUserSpend { Id = NewId(), Date = date, ApiKey = key, UserId = id }, events, now, cancellationToken).ConfigureAwait(false);
        await AddAsync(db.DailyTeamSpend, r => r.TeamId, e => e.TeamId is null ? [] : [e.TeamId],
            (id, date, key) => new DailyTeamSpend { Id = NewId(), Date = date, ApiKey = key, TeamId = id }, events, now, cancellationToken).ConfigureAwait(false);
        await AddAsync(db.DailyOrganizationSpend, r => r.OrganizationId, e => e.OrganizationId is null ? [] : [e.OrganizationId],
            (id, date, key) => new DailyOrganizationSpend { Id = NewId(), Date = date, ApiKey = key, OrganizationId = id }, events, now,
            cancellationToken).ConfigureAwait(false);
        await AddAsync(db.DailyEndUserSpend, r => r.EndUserId, e => e.EndUser is null ? [] : [e.EndUser],
            (id, date, key) => new DailyEndUserSpend { Id = NewId(), Date = date, ApiKey = key, EndUserId = id }, events, now,
            cancellationToken).ConfigureAwait(false);
        await AddAsync(db.DailyTagSpend, r => r.Tag, e => e.Tags.Distinct(StringComparer.Ordinal).ToArray(),
            (id, date, key) => new DailyTagSpend { Id = NewId(), Date = date, ApiKey = key, Tag = id }, events, now, cancellationToken).ConfigureAwait(false);
        // Last: every batch of the day touches these few rows, so each holds them only from here to its commit.
        await AddGlobalAsync(db.DailyGlobalSpend, events, now, cancellationToken).ConfigureAwait(false);
    }

    // The per-user rows summed over users and keys; unlike them, keyed by model group too (as LiteLLM's rollup). The group's
    // entity is the model group here, so the groups sort (and their rows are locked) in one order in every writer.
    private static async Task AddGlobalAsync(DbSet<DailyGlobalSpend> rows, IReadOnlyList<SpendEvent> events, DateTime now, CancellationToken cancellationToken)
    {
        var groups = new SortedDictionary<Group, Totals>();
        foreach (var e in events)
        {
            var group = new Group(e.ModelGroup, e.StartTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "", e.Model, e.Provider, e.Endpoint);
            groups[group] = groups.GetValueOrDefault(group).Add(e);
        }

        foreach (var (group, totals) in groups)
        {
            var (date, modelGroup, model, provider, endpoint) = (group.Date, group.Entity, group.Model, group.Provider, group.Endpoint);
            var updated = await rows.Where(r => r.Date == date && r.Model == model && r.ModelGroup == modelGroup && r.CustomLlmProvider == provider
                    && r.McpNamespacedToolName == null && r.Endpoint == endpoint)
                .ExecuteUpdateAsync(s => Increment(s, totals, now), cancellationToken).ConfigureAwait(false);
            if (updated == 0)
            {
                rows.Add(Filled(new DailyGlobalSpend { Id = NewId(), Date = date, Model = model, ModelGroup = modelGroup, CustomLlmProvider = provider,
                    Endpoint = endpoint }, totals, now));
            }
        }
    }

    private static void Increment<T>(UpdateSettersBuilder<T> row, Totals totals, DateTime now)
        where T : DailyAggregateRow =>
        row.SetProperty(r => r.PromptTokens, r => r.PromptTokens + totals.PromptTokens)
            .SetProperty(r => r.CompletionTokens, r => r.CompletionTokens + totals.CompletionTokens)
            .SetProperty(r => r.CacheReadInputTokens, r => r.CacheReadInputTokens + totals.CacheRead)
            .SetProperty(r => r.CacheCreationInputTokens, r => r.CacheCreationInputTokens + totals.CacheCreation)
            .SetProperty(r => r.Spend, r => r.Spend + totals.Spend)
            .SetProperty(r => r.ApiRequests, r => r.ApiRequests + totals.Requests)
            .SetProperty(r => r.SuccessfulRequests, r => r.SuccessfulRequests + totals.Successes)
            .SetProperty(r => r.FailedRequests, r => r.FailedRequests + totals.Failures)
            .SetProperty(r => r.UpdatedAt, now);

    private static T Filled<T>(T row, Totals totals, DateTime now)
        where T : DailyAggregateRow
    {
        (row.PromptTokens, row.CompletionTokens, row.CacheReadInputTokens, row.CacheCreationInputTokens) =
            (totals.PromptTokens, totals.CompletionTokens, totals.CacheRead, totals.CacheCreation);
        (row.Spend, row.ApiRequests, row.SuccessfulRequests, row.FailedRequests) = (totals.Spend, totals.Requests, totals.Successes, totals.Failures);
        (row.CreatedAt, row.UpdatedAt) = (now, now);
        return row;
    }

    private static string NewId() => Guid.NewGuid().ToString();

    private static async Task AddAsync<T>(DbSet<T> rows, Expression<Func<T, string?>> entityOf, Func<SpendEvent, string?[]> entitiesOf,
        Func<string?, string, string, T> create, IReadOnlyList<SpendEvent> events, DateTime now, CancellationToken cancellationToken)
        where T : DailySpendRow
    {
        var groups = new SortedDictionary<Group, Totals>();
        foreach (var e in events)
        {
            foreach (var entity in entitiesOf(e))
            {
                var group = new Group(entity, e.StartTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.ApiKey ?? "", e.Model, e.Provider, e.Endpoint);
                groups[group] = groups.GetValueOrDefault(group).Add(e);
            }
        }

        foreach (var (group, totals) in groups)
        {
            var updated = await rows.Where(Matches(entityOf, group))
                .ExecuteUpdateAsync(s => Increment(s, totals, now), cancellationToken).ConfigureAwait(false);
            if (updated > 0)
            {
                continue;
            }

            var row = create(group.Entity, group.Date, group.ApiKey);
            (row.Model, row.ModelGroup, row.CustomLlmProvider, row.Endpoint) = (group.Model, totals.ModelGroup, group.Provider, group.Endpoint);
            rows.Add(Filled(row, totals, now));
        }
    }

    // The row of a group: its unique key, NULLs matching NULLs (EF compares a null parameter with IS NULL).
    private static Expression<Func<T, bool>> Matches<T>(Expression<Func<T, string?>> entityOf, Group group)
        where T : DailySpendRow
    {
        Expression<Func<T, bool>> rest = r => r.Date == group.Date && r.ApiKey == group.ApiKey && r.Model == group.Model
            && r.CustomLlmProvider == group.Provider && r.McpNamespacedToolName == null && r.Endpoint == group.Endpoint;
        Expression<Func<string?>> entity = () => group.Entity;
        var entityOfRow = ReplacingExpressionVisitor.Replace(entityOf.Parameters[0], rest.Parameters[0], entityOf.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(Expression.Equal(entityOfRow, entity.Body), rest.Body), rest.Parameters);
    }

    private readonly record struct Group(string? Entity, string Date, string ApiKey, string? Model, string? Provider, string? Endpoint)
        : IComparable<Group>
    {
        public int CompareTo(Group other)
        {
            foreach (var (a, b) in new[] { (Entity, other.Entity), (Date, other.Date), (ApiKey, other.ApiKey), (Model, other.Model),
                         (Provider, other.Provider), (Endpoint, other.Endpoint) })
            {
                var order = string.CompareOrdinal(a, b);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }

    private readonly record struct Totals(long PromptTokens, long CompletionTokens, long CacheRead, long CacheCreation, double Spend,
        long Requests, long Successes, long Failures, string? ModelGroup)
    {
        public Totals Add(SpendEvent e)
        {
            var success = e.Status == "success";
            return new Totals(PromptTokens + e.PromptTokens, CompletionTokens + e.CompletionTokens, CacheRead + e.CacheReadInputTokens,
                CacheCreation + e.CacheCreationInputTokens, Spend + e.Spend, Requests + 1, Successes + (success ? 1 : 0),
                Failures + (success ? 0 : 1), ModelGroup ?? e.ModelGroup);
        }
    }
}
