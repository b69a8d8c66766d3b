using LiteAspire.Data.Budgets;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Spend;

/// <summary>
/// The tag part of <see cref="SpendCounterWriter"/>: a tag's period lives on its budget row (<c>budget_id</c>), so a tag
/// whose period is over is reset to zero and its budget's <c>budget_reset_at</c> moved on before the spend is added.
/// Tags without a <c>LiteLLM_TagTable</c> row are not tracked (the update matches nothing).
/// </summary>
internal static class TagSpendWriter
{
    /// <summary>Adds <paramref name="sums"/> (by tag name, sorted) at <paramref name="now"/>, inside the caller's transaction.</summary>
    public static async Task ResetAndAddAsync(LiteLLMDbContext db, SortedDictionary<string, double> sums, DateTime now, CancellationToken cancellationToken)
    {
        if (sums.Count == 0)
        {
            return;
        }

        var names = sums.Keys.ToList();
        var due = await db.Tags.AsNoTracking()
            .Where(t => names.Contains(t.TagName) && t.Budget != null && t.Budget.BudgetResetAt != null && t.Budget.BudgetResetAt <= now)
            .Select(t => new { t.TagName, t.BudgetId, t.Budget!.BudgetResetAt, t.Budget.BudgetDuration })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var tag in due.OrderBy(t => t.TagName, StringComparer.Ordinal))
        {
            var seen = tag.BudgetResetAt;
            DateTime? next = LiteLLMDuration.TryParse(tag.BudgetDuration, out var duration) ? duration.Value.NextEndAfter(seen!.Value, now) : null;
            // Conditional on the period this writer saw: a replica that already moved it on leaves the tag alone.
            var moved = await db.Budgets.Where(b => b.BudgetId == tag.BudgetId && b.BudgetResetAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.BudgetResetAt, next), cancellationToken).ConfigureAwait(false);
            if (moved > 0)
            {
                await db.Tags.Where(t => t.TagName == tag.TagName)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Spend, 0d), cancellationToken).ConfigureAwait(false);
            }
        }

        await SpendCounterWriter.AddAsync(db.Tags, t => t.TagName, sums, cancellationToken).ConfigureAwait(false);
    }
}
