using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Management.Budgets;
using LiteAspire.Proxy.Routing;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary><c>POST /customer/new</c> (alias <c>/end_user/new</c>): a customer, with its own budget row when budget fields are given.</summary>
public static class NewCustomer
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, ModelRouter router, EndUserLookup endUsers, ILiveSpend spend,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endUsers);
        ArgumentNullException.ThrowIfNull(spend);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "create customers");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<CustomerRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var userId = string.IsNullOrWhiteSpace(body.UserId) ? throw ManagementErrors.BadRequest("user_id is required.", "user_id") : body.UserId;
        CustomerRules.Validate(body, router);
        await CustomerRules.RequireBudgetAsync(db, body.BudgetId, cancellationToken).ConfigureAwait(false);
        if (await db.EndUsers.AnyAsync(e => e.UserId == userId, cancellationToken).ConfigureAwait(false))
        {
            throw Duplicate(userId);
        }

        var stamp = AuditStamp.Of(context, caller);
        var budget = BudgetRules.FirstGiven(body) is null ? null : BudgetRules.Create(Guid.NewGuid().ToString(), body, stamp);
        var row = new EndUserTable
        {
            UserId = userId,
            Alias = body.Alias,
            Blocked = body.Blocked ?? false,
            Spend = body.Spend ?? 0,
            AllowedModelRegion = body.AllowedModelRegion,
            DefaultModel = body.DefaultModel,
            BudgetId = budget?.BudgetId ?? body.BudgetId,
        };

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (budget is not null)
            {
                db.Budgets.Add(budget);
            }

            db.EndUsers.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                throw Duplicate(userId);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // A request may have been refused as "no such customer" a moment ago, or a deleted namesake may have left a counter.
        await endUsers.InvalidateAsync([userId]).ConfigureAwait(false);
        await spend.ForgetAsync([EndUserEnforcer.CounterKey(userId)]).ConfigureAwait(false);
        budget ??= body.BudgetId is null ? null
            : await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.BudgetId == body.BudgetId, cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(CustomerJson.Of(row, budget));
    }

    private static Errors.GatewayException Duplicate(string userId) =>
        ManagementErrors.BadRequest($"Customer already exists, passed user_id={userId}. Please pass a new user_id.", "user_id");
}
