using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary>Reading customers: <c>GET /customer/info?end_user_id=</c> and <c>GET /customer/list</c> (proxy admins and viewers).</summary>
public static class CustomerInfo
{
    /// <summary><c>GET /customer/info?end_user_id=</c>: the customer with its <c>litellm_budget_table</c>.</summary>
    public static async Task<IResult> InfoAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagementAccess.RequireReadAll(Caller.Of(context), "read customers");
        var db = ManagementDb.Of(context);
        var id = context.Request.Query["end_user_id"].ToString();
        if (string.IsNullOrWhiteSpace(id))
        {
            throw ManagementErrors.BadRequest("end_user_id is required.", "end_user_id");
        }

        var row = await db.EndUsers.AsNoTracking().Include(e => e.Budget).FirstOrDefaultAsync(e => e.UserId == id, cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.NotFound($"End User Id={id} does not exist in db", "end_user_id");
        return ManagementJson.Ok(CustomerJson.Of(row));
    }

    /// <summary><c>GET /customer/list</c>: every customer, as a list.</summary>
    public static async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagementAccess.RequireReadAll(Caller.Of(context), "list customers");
        var db = ManagementDb.Of(context);
        var rows = await db.EndUsers.AsNoTracking().Include(e => e.Budget).OrderBy(e => e.UserId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(new JsonArray([.. rows.Select(row => CustomerJson.Of(row))]));
    }
}
