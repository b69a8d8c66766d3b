using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Management.Budgets;
using LiteAspire.Proxy.Routing;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary>
/// <c>POST /customer/update</c> (alias <c>/end_user/update</c>): changes the given fields. Budget fields change the
/// customer's budget row (creating one when it has none), as in LiteLLM, so a budget shared with others changes for all.
/// </summary>
public static class UpdateCustomer
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, ModelRouter router, ApiKeyCache keys, EndUserLookup endUsers, ILiveSpend spend,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endUsers);
        ArgumentNullException.ThrowIfNull(spend);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "update customers");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<CustomerRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var userId = string.IsNullOrWhiteSpace(body.UserId) ? throw ManagementErrors.BadRequest("user_id is required.", "user_id") : body.UserId;
        CustomerRules.Validate(body, router);
        await CustomerRules.RequireBudgetAsync(db, body.BudgetId, cancellationToken).ConfigureAwait(false);

        var stamp = AuditStamp.Of(context, caller);
        BudgetUsage? usage = null;
        Data.Schema.EndUserTable row;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            row = await db.EndUsers.Include(e => e.Budget).FirstOrDefaultAsync(e => e.UserId == userId, cancellationToken).ConfigureAwait(false)
                ?? throw ManagementErrors.NotFound($"End User Id={userId} does not exist in db", "user_id");
            row.Alias = body.Alias ?? row.Alias;
            row.Blocked = body.Blocked ?? row.Blocked;
            row.Spend = body.Spend ?? row.Spend;
            row.AllowedModelRegion = body.AllowedModelRegion ?? row.AllowedModelRegion;
            row.DefaultModel = body.DefaultModel ?? row.DefaultModel;
            if (body.BudgetId is { } budgetId)
            {
                row.BudgetId = budgetId;
                row.Budget = await db.Budgets.FirstAsync(b => b.BudgetId == budgetId, cancellationToken).ConfigureAwait(false);
            }
            else if (BudgetRules.FirstGiven(body) is not null)
            {
                if (row.Budget is { } budget)
                {
                    BudgetRules.Apply(budget, body, stamp);
                    usage = await BudgetUsage.OfAsync(db, budget.BudgetId, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var created = BudgetRules.Create(Guid.NewGuid().ToString(), body, stamp);
                    db.Budgets.Add(created);
                    row.BudgetId = created.BudgetId;
                    row.Budget = created;
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await endUsers.InvalidateAsync([userId]).ConfigureAwait(false);
        if (usage is not null)
        {
            await usage.InvalidateAsync(keys, endUsers).ConfigureAwait(false);
        }

        if (body.Spend is not null)
        {
            await spend.ForgetAsync([EndUserEnforcer.CounterKey(userId)]).ConfigureAwait(false);
        }

        return ManagementJson.Ok(CustomerJson.Of(row));
    }
}
