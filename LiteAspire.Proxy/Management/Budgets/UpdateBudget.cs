using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary><c>POST /budget/update</c>: changes the given fields of a budget; whatever uses it sees the change at once.</summary>
public static class UpdateBudget
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, ApiKeyCache keys, EndUserLookup endUsers, Proxy.Budgets.TagLookup tags,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "update budgets");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<BudgetRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var id = string.IsNullOrWhiteSpace(body.BudgetId) ? throw ManagementErrors.BadRequest("budget_id is required.", "budget_id") : body.BudgetId;
        BudgetRules.Validate(body);

        BudgetUsage usage;
        Data.Schema.BudgetTable row;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            row = await db.Budgets.FirstOrDefaultAsync(b => b.BudgetId == id, cancellationToken).ConfigureAwait(false)
                ?? throw ManagementErrors.NotFound($"Budget id={id} does not exist.", "budget_id");
            BudgetRules.Apply(row, body, AuditStamp.Of(context, caller));
            usage = await BudgetUsage.OfAsync(db, id, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await usage.InvalidateAsync(keys, endUsers).ConfigureAwait(false);
        // Tags using the budget see its new amount on the next request, not after their cache's TTL.
        await tags.InvalidateAsync(usage.Tags).ConfigureAwait(false);
        return ManagementJson.Ok(BudgetJson.Of(row));
    }
}
