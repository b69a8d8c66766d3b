using System.Linq.Expressions;

using LiteAspire.Data.Schema;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Budgets;

/// <summary>
/// Starts a new budget period for rows with their own (keys, users, teams) whose <c>budget_reset_at</c> has come: spend to
/// zero and the next boundary of the calendar, each row only if its <c>budget_reset_at</c> is still the one read. The Worker's
/// reset job and the spend writer (which meets a due row before the job does) both go through here, so neither resets a
/// period twice nor zeroes the new period's spend.
/// </summary>
public static class BudgetPeriodReset
{
    /// <summary>Resets the due rows of <paramref name="rows"/> — only those in <paramref name="ids"/> when given — and returns their ids.</summary>
    public static async Task<List<string>> ResetDueAsync<T>(DbSet<T> rows, Expression<Func<T, string>> idOf, List<string>? ids, BudgetCalendar calendar,
        DateTime now, CancellationToken cancellationToken)
        where T : class, IBudgetPeriod
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(calendar);
        IQueryable<T> candidates = rows.AsNoTracking();
        if (ids is not null)
        {
            candidates = candidates.Where(RowIdFilter.In(idOf, ids));
        }

        // Rows whose period is over are few (one per period): read them whole.
        var due = await candidates.Where(r => r.BudgetResetAt != null && r.BudgetResetAt <= now).ToListAsync(cancellationToken).ConfigureAwait(false);
        var idOfRow = idOf.Compile();
        var reset = new List<string>();
        // Sorted by id: every writer locks rows in the same order.
        foreach (var row in due.OrderBy(idOfRow, StringComparer.Ordinal))
        {
            var id = idOfRow(row);
            var seen = row.BudgetResetAt;
            var next = calendar.NextReset(row.BudgetDuration, now);
            var changed = await rows.Where(RowIdFilter.Is(idOf, id)).Where(r => r.BudgetResetAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Spend, 0d).SetProperty(r => r.BudgetResetAt, next), cancellationToken).ConfigureAwait(false);
            if (changed > 0)
            {
                reset.Add(id);
            }
        }

        return reset;
    }
}
