using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary><c>GET /organization/list</c>: every organization for proxy admins and viewers; for anyone else, those they are a member of.</summary>
internal static class OrganizationListEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        var db = ManagementDb.Of(context);
        List<OrganizationTable> organizations;
        if (LiteLLMRoles.CanReadAll(caller.UserRole))
        {
            organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.OrganizationAlias).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var userId = caller.UserId;
            var ids = userId is null ? []
                : await db.OrganizationMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.OrganizationId)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
            organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.OrganizationId)).OrderBy(o => o.OrganizationAlias)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return ManagementJson.Ok(await OrganizationDetails.LoadAsync(db, organizations, cancellationToken).ConfigureAwait(false));
    }
}
