using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Spend;

/// <summary>
/// LiteLLM's global proxy budget (<c>litellm_settings.max_budget</c>) lives on a pseudo-user row of
/// <c>LiteLLM_UserTable</c>: its spend is the whole proxy's, its budget and period come from the config.
/// </summary>
public static class ProxyBudgetRow
{
    /// <summary>LiteLLM's <c>litellm_proxy_budget_name</c>.</summary>
    public const string UserId = "litellm-proxy-budget";

    /// <summary>
    /// Creates the row, or brings its budget and duration in line with the config (keeping its spend). A changed
    /// duration, or none set yet, starts a period now, as LiteLLM does when the budget is (re)applied at startup.
    /// </summary>
    public static async Task<UserTable> UpsertAsync(LiteLLMDbContext db, double maxBudget, string? budgetDuration, DateTime now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Users.FirstOrDefaultAsync(u => u.UserId == UserId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new UserTable { UserId = UserId, CreatedAt = now };
            db.Users.Add(row);
        }

        var durationChanged = !string.Equals(row.BudgetDuration, budgetDuration, StringComparison.Ordinal);
        row.MaxBudget = maxBudget;
        row.BudgetDuration = budgetDuration;
        if (!LiteLLMDuration.TryParse(budgetDuration, out var duration))
        {
            row.BudgetResetAt = null;
        }
        else if (durationChanged || row.BudgetResetAt is null)
        {
            row.BudgetResetAt = BudgetCalendar.Default.NextReset(duration.Value, now);
        }

        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row;
    }
}
