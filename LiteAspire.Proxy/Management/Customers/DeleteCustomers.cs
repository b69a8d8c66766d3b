using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary><c>POST /customer/delete</c> (<c>{"user_ids": [...]}</c>): all of them, or none when one does not exist.</summary>
public static class DeleteCustomers
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, EndUserLookup endUsers, ILiveSpend spend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endUsers);
        ArgumentNullException.ThrowIfNull(spend);
        ManagementAccess.RequireAdmin(Caller.Of(context), "delete customers");
        var db = ManagementDb.Of(context);
        var ids = CustomerIds.Read(await ManagementJson.ReadAsync<CustomerIdsRequest>(context.Request, cancellationToken).ConfigureAwait(false));

        int deleted;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var rows = await db.EndUsers.Where(e => ids.Contains(e.UserId)).ToListAsync(cancellationToken).ConfigureAwait(false);
            CustomerIds.RequireAll(ids, rows);
            db.EndUsers.RemoveRange(rows);
            deleted = await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await endUsers.InvalidateAsync(ids).ConfigureAwait(false);
        await spend.ForgetAsync(ids.Select(EndUserEnforcer.CounterKey)).ConfigureAwait(false);
        return ManagementJson.Ok(new
        {
            deleted_customers = deleted,
            message = "Successfully deleted customers with ids: " + CustomerIds.PythonList(ids),
        });
    }
}
