using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary><c>POST /budget/new</c>: a budget row keys, organizations, customers and memberships can share.</summary>
public static class NewBudget
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "create budgets");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<BudgetRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        BudgetRules.Validate(body);
        if (body.BudgetId is { } given && string.IsNullOrWhiteSpace(given))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'budget_id': must not be empty.", "budget_id");
        }

        var id = body.BudgetId ?? Guid.NewGuid().ToString();
        if (await db.Budgets.AnyAsync(b => b.BudgetId == id, cancellationToken).ConfigureAwait(false))
        {
            throw DuplicateId(id);
        }

        var row = BudgetRules.Create(id, body, AuditStamp.Of(context, caller));
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            db.Budgets.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                throw DuplicateId(id);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return ManagementJson.Ok(BudgetJson.Of(row));
    }

    private static Errors.GatewayException DuplicateId(string id) =>
        ManagementErrors.BadRequest($"Budget with id '{id}' already exists.", "budget_id");
}
