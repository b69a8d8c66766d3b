using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary><c>POST /budget/delete</c> (<c>{"id": ...}</c>): removes a budget nothing uses any more.</summary>
public static class DeleteBudget
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "delete budgets");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<DeleteBudgetRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var id = string.IsNullOrWhiteSpace(body.Id) ? throw ManagementErrors.BadRequest("id is required: the budget_id to delete.", "id") : body.Id;

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var row = await db.Budgets.FirstOrDefaultAsync(b => b.BudgetId == id, cancellationToken).ConfigureAwait(false)
                ?? throw ManagementErrors.NotFound($"Budget id={id} does not exist.", "id");
            var usage = await BudgetUsage.OfAsync(db, id, cancellationToken).ConfigureAwait(false);
            if (!usage.IsEmpty)
            {
                throw ManagementErrors.BadRequest($"Budget id={id} is still in use by {usage.Describe()}. Move them to another budget first.", "id");
            }

            db.Budgets.Remove(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return ManagementJson.Ok(BudgetJson.Of(row));
        }
    }
}
