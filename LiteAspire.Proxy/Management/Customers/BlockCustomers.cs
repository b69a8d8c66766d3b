using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary>
/// <c>POST /customer/block</c> and <c>/customer/unblock</c> (<c>{"user_ids": [...]}</c>). Blocking an id that is no
/// customer yet creates it blocked (LiteLLM's upsert); unblocking one refuses the whole request.
/// </summary>
public static class BlockCustomers
{
    /// <summary>Handles <c>/customer/block</c>: <c>{"blocked_users": [customers]}</c>.</summary>
    public static Task<IResult> BlockAsync(HttpContext context, EndUserLookup endUsers, CancellationToken cancellationToken) =>
        SetAsync(context, endUsers, blocked: true, cancellationToken);

    /// <summary>Handles <c>/customer/unblock</c>: <c>{"unblocked_users": [customers]}</c>.</summary>
    public static Task<IResult> UnblockAsync(HttpContext context, EndUserLookup endUsers, CancellationToken cancellationToken) =>
        SetAsync(context, endUsers, blocked: false, cancellationToken);

    private static async Task<IResult> SetAsync(HttpContext context, EndUserLookup endUsers, bool blocked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endUsers);
        ManagementAccess.RequireAdmin(Caller.Of(context), blocked ? "block customers" : "unblock customers");
        var db = ManagementDb.Of(context);
        var ids = CustomerIds.Read(await ManagementJson.ReadAsync<CustomerIdsRequest>(context.Request, cancellationToken).ConfigureAwait(false));

        List<EndUserTable> rows;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            rows = await db.EndUsers.Include(e => e.Budget).Where(e => ids.Contains(e.UserId)).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (!blocked)
            {
                CustomerIds.RequireAll(ids, rows);
            }

            foreach (var id in ids.Where(id => !rows.Any(r => r.UserId == id)))
            {
                var created = new EndUserTable { UserId = id };
                db.EndUsers.Add(created);
                rows.Add(created);
            }

            foreach (var row in rows)
            {
                row.Blocked = blocked;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await endUsers.InvalidateAsync(ids).ConfigureAwait(false);
        var list = new JsonArray([.. rows.Select(row => CustomerJson.Of(row))]);
        return ManagementJson.Ok(new JsonObject { [blocked ? "blocked_users" : "unblocked_users"] = list });
    }
}
