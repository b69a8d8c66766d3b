using System.Linq.Expressions;

using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Spend;

/// <summary>
/// Adds a batch of spend to the counters of LiteLLM's tables — keys, users (and the global budget's
/// <see cref="ProxyBudgetRow.UserId"/> row), teams, team memberships, organizations, end users, tags — in one
/// transaction. Every increment is a single atomic <c>spend = spend + x</c> (no read-modify-write, so replicas writing the
/// same rows lose nothing), rows are touched in a fixed order (table, then id) so concurrent writers never deadlock, and a
/// key, user or team whose budget period has ended is first reset to zero with its next <c>budget_reset_at</c>.
/// </summary>
public static class SpendCounterWriter
{
    /// <summary>Applies <paramref name="events"/> at <paramref name="now"/> (UTC).</summary>
    public static async Task ApplyAsync(LiteLLMDbContext db, IReadOnlyList<SpendEvent> events, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        if (!events.Any(e => e.Spend > 0))
        {
            return;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ResetAndAddAsync(db.VerificationTokens, k => k.Token, Sum(events, e => e.ApiKey), now, cancellationToken).ConfigureAwait(false);
            await ResetAndAddAsync(db.Users, u => u.UserId, SumMany(events, UsersOf), now, cancellationToken).ConfigureAwait(false);
            await ResetAndAddAsync(db.Teams, t => t.TeamId, Sum(events, e => e.TeamId), now, cancellationToken).ConfigureAwait(false);
            foreach (var (member, amount) in Sum(events, e => e.TeamId is null || e.UserId is null ? null : $"{e.TeamId}\n{e.UserId}"))
            {
                var (teamId, userId) = (member[..member.IndexOf('\n', StringComparison.Ordinal)], member[(member.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
                await db.TeamMemberships.Where(m => m.TeamId == teamId && m.UserId == userId)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Spend, m => m.Spend + amount)
                        .SetProperty(m => m.TotalSpend, m => m.TotalSpend + amount), cancellationToken).ConfigureAwait(false);
            }

            foreach (var (id, amount) in Sum(events, e => e.OrganizationId))
            {
                await db.Organizations.Where(o => o.OrganizationId == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Spend, o => o.Spend + amount), cancellationToken).ConfigureAwait(false);
            }

            foreach (var (id, amount) in Sum(events, e => e.EndUser))
            {
                await db.EndUsers.Where(u => u.UserId == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.Spend, u => u.Spend + amount), cancellationToken).ConfigureAwait(false);
            }

            await TagSpendWriter.ResetAndAddAsync(db, SumMany(events, e => e.Tags), now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<string> UsersOf(SpendEvent spendEvent)
    {
        if (spendEvent.UserId is { } user)
        {
            yield return user;
        }

        if (spendEvent.CountsTowardsProxyBudget)
        {
            yield return ProxyBudgetRow.UserId;
        }
    }

    // Sorted by id: every writer locks rows in the same order.
    private static SortedDictionary<string, double> Sum(IEnumerable<SpendEvent> events, Func<SpendEvent, string?> idOf) =>
        SumMany(events, e => idOf(e) is { } id ? [id] : []);

    // An event can count towards several rows of one table (a user and the proxy budget; several tags), each once.
    private static SortedDictionary<string, double> SumMany(IEnumerable<SpendEvent> events, Func<SpendEvent, IEnumerable<string>> idsOf)
    {
        var sums = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var spendEvent in events)
        {
            if (spendEvent.Spend <= 0)
            {
                continue;
            }

            foreach (var id in idsOf(spendEvent).Distinct(StringComparer.Ordinal))
            {
                sums[id] = sums.GetValueOrDefault(id) + spendEvent.Spend;
            }
        }

        return sums;
    }

    private static async Task ResetAndAddAsync<T>(DbSet<T> rows, Expression<Func<T, string>> idOf, SortedDictionary<string, double> sums,
        DateTime now, CancellationToken cancellationToken)
        where T : class, IBudgetPeriod
    {
        if (sums.Count == 0)
        {
            return;
        }

        var ids = sums.Keys.ToList();
        // Rows whose period is over are few (one per period): read them whole.
        var due = await rows.AsNoTracking().Where(Matches(idOf, ids)).Where(r => r.BudgetResetAt != null && r.BudgetResetAt <= now)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var idOfRow = idOf.Compile();
        foreach (var row in due.OrderBy(idOfRow, StringComparer.Ordinal))
        {
            DateTime? next = LiteLLMDuration.TryParse(row.BudgetDuration, out var duration) ? duration.Value.NextEndAfter(row.BudgetResetAt!.Value, now) : null;
            var seen = row.BudgetResetAt;
            // Conditional on the period this writer saw: a replica that already reset it leaves it alone.
            await rows.Where(Is(idOf, idOfRow(row))).Where(r => r.BudgetResetAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Spend, 0d).SetProperty(r => r.BudgetResetAt, next), cancellationToken).ConfigureAwait(false);
        }

        foreach (var (id, amount) in sums)
        {
            await rows.Where(Is(idOf, id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Spend, r => r.Spend + amount), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Expression<Func<T, bool>> Is<T>(Expression<Func<T, string>> idOf, string id)
    {
        // A captured value, not a constant: EF sends it as a parameter and reuses one query plan for every id.
        Expression<Func<string>> value = () => id;
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(idOf.Body, value.Body), idOf.Parameters);
    }

    private static Expression<Func<T, bool>> Matches<T>(Expression<Func<T, string>> idOf, List<string> ids)
    {
        Expression<Func<List<string>>> value = () => ids;
        return Expression.Lambda<Func<T, bool>>(Expression.Call(value.Body, typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, idOf.Body),
            idOf.Parameters);
    }
}
