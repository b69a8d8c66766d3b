using System.Linq.Expressions;

using LiteAspire.Data;
using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;
using LiteAspire.Data.Spend;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Worker.Budgets;

/// <summary>
/// One pass of LiteLLM's budget reset: every key, user and team whose <c>budget_reset_at</c> has come, and every
/// <c>LiteLLM_BudgetTable</c> row with the team members, customers, tags, organizations and budget-linked keys that spend
/// against it, start a new period at zero spend. Each row is reset only if its <c>budget_reset_at</c> is still the one this
/// pass read, so two Workers (or a Worker and the spend writer, which resets a row it finds over) never reset a period twice
/// and never zero the new period's spend.
/// </summary>
public static class BudgetResetter
{
    /// <summary>Resets what is due at <paramref name="now"/> (UTC); returns the live spend counters of the rows it reset.</summary>
    public static async Task<IReadOnlyList<string>> ResetDueAsync(LiteLLMDbContext db, BudgetCalendar calendar, DateTime now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendar);
        var counters = new List<string>();
        foreach (var token in await ResetRowsAsync(db.VerificationTokens, k => k.Token, calendar, now, cancellationToken).ConfigureAwait(false))
        {
            counters.Add(SpendCounterKeys.For(SpendCounterKeys.Key, token));
        }

        foreach (var user in await ResetRowsAsync(db.Users, u => u.UserId, calendar, now, cancellationToken).ConfigureAwait(false))
        {
            counters.Add(SpendCounterKeys.For(user == ProxyBudgetRow.UserId ? SpendCounterKeys.Global : SpendCounterKeys.User, user));
        }

        foreach (var team in await ResetRowsAsync(db.Teams, t => t.TeamId, calendar, now, cancellationToken).ConfigureAwait(false))
        {
            counters.Add(SpendCounterKeys.For(SpendCounterKeys.Team, team));
        }

        var budgets = await db.Budgets.AsNoTracking()
            .Where(b => b.BudgetResetAt != null && b.BudgetResetAt <= now)
            .Select(b => new { b.BudgetId, b.BudgetDuration, b.BudgetResetAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var budget in budgets.OrderBy(b => b.BudgetId, StringComparer.Ordinal))
        {
            await ResetBudgetAsync(db, budget.BudgetId, budget.BudgetResetAt!.Value, calendar.NextReset(budget.BudgetDuration, now), counters,
                cancellationToken).ConfigureAwait(false);
        }

        return counters;
    }

    private static Task<List<string>> ResetRowsAsync<T>(DbSet<T> rows, Expression<Func<T, string>> idOf, BudgetCalendar calendar, DateTime now,
        CancellationToken cancellationToken)
        where T : class, IBudgetPeriod =>
        BudgetPeriodReset.ResetDueAsync(rows, idOf, ids: null, calendar, now, cancellationToken);

    // A shared budget row: moved on, and everything spending against it zeroed, in one transaction.
    private static async Task ResetBudgetAsync(LiteLLMDbContext db, string budgetId, DateTime seen, DateTime? next, List<string> counters,
        CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var moved = await db.Budgets.Where(b => b.BudgetId == budgetId && b.BudgetResetAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.BudgetResetAt, next), cancellationToken).ConfigureAwait(false);
            if (moved == 0)
            {
                return;
            }

            var members = await db.TeamMemberships.Where(m => m.BudgetId == budgetId).Select(m => new { m.TeamId, m.UserId })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.TeamMemberships.Where(m => m.BudgetId == budgetId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Spend, 0d), cancellationToken).ConfigureAwait(false);
            counters.AddRange(members.Select(m => SpendCounterKeys.For(SpendCounterKeys.TeamMember, SpendCounterKeys.TeamMemberId(m.TeamId, m.UserId))));

            var customers = await db.EndUsers.Where(u => u.BudgetId == budgetId).Select(u => u.UserId).ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.EndUsers.Where(u => u.BudgetId == budgetId)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Spend, 0d), cancellationToken).ConfigureAwait(false);
            counters.AddRange(customers.Select(id => SpendCounterKeys.For(SpendCounterKeys.EndUser, id)));

            var tags = await db.Tags.Where(t => t.BudgetId == budgetId).Select(t => t.TagName).ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.Tags.Where(t => t.BudgetId == budgetId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Spend, 0d), cancellationToken).ConfigureAwait(false);
            counters.AddRange(tags.Select(name => SpendCounterKeys.For(SpendCounterKeys.Tag, name)));

            var organizations = await db.Organizations.Where(o => o.BudgetId == budgetId).Select(o => o.OrganizationId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.Organizations.Where(o => o.BudgetId == budgetId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Spend, 0d), cancellationToken).ConfigureAwait(false);
            counters.AddRange(organizations.Select(id => SpendCounterKeys.For(SpendCounterKeys.Organization, id)));

            // A key with a budget_id and no period of its own follows its budget's period (LiteLLM PR #20688: such keys never reset).
            var keys = await db.VerificationTokens.Where(k => k.BudgetId == budgetId && k.BudgetDuration == null).Select(k => k.Token)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.VerificationTokens.Where(k => k.BudgetId == budgetId && k.BudgetDuration == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.Spend, 0d), cancellationToken).ConfigureAwait(false);
            counters.AddRange(keys.Select(token => SpendCounterKeys.For(SpendCounterKeys.Key, token)));

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
