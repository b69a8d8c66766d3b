using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>
/// <c>GET /organization/info?organization_id=</c>: the organization with <c>spend</c>, <c>litellm_budget_table</c>,
/// <c>members</c> and <c>teams</c>, for proxy admins, viewers and the organization's members.
/// </summary>
internal static class OrganizationInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        var organizationId = context.Request.Query["organization_id"].ToString();
        if (organizationId.Length == 0)
        {
            throw ManagementErrors.BadRequest("'organization_id' is required.", "organization_id");
        }

        var db = ManagementDb.Of(context);
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken)
            .ConfigureAwait(false) ?? throw ManagementErrors.NotFound($"Organization not found for organization_id={organizationId}", "organization_id");
        await OrganizationAccess.RequireReadAsync(db, caller, organizationId, cancellationToken).ConfigureAwait(false);
        var details = await OrganizationDetails.LoadAsync(db, [organization], cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(details[0]);
    }
}
