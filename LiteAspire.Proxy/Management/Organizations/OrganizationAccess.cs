using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>
/// Who may see and change an organization: proxy admins everything, viewers read; its members read it; its
/// <c>org_admin</c> members also add members. Creating, updating and deleting organizations is for proxy admins.
/// </summary>
internal static class OrganizationAccess
{
    /// <summary>The tracked organization, or a 404.</summary>
    public static async Task<OrganizationTable> FindAsync(LiteLLMDbContext db, string organizationId, string param, CancellationToken cancellationToken) =>
        await db.Organizations.FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.NotFound($"Organization not found for organization_id={organizationId}", param);

    /// <summary>The caller's role in the organization (from <c>LiteLLM_OrganizationMembership</c>), or null.</summary>
    public static async Task<string?> RoleOfAsync(LiteLLMDbContext db, ApiKeyAuth caller, string organizationId, CancellationToken cancellationToken)
    {
        if (caller.UserId is not { } userId)
        {
            return null;
        }

        var membership = await db.OrganizationMemberships.AsNoTracking()
            .FirstOrDefaultAsync(m => m.UserId == userId && m.OrganizationId == organizationId, cancellationToken).ConfigureAwait(false);
        return membership is null ? null : membership.UserRole ?? LiteLLMRoles.InternalUser;
    }

    /// <summary>403 unless the caller may read the organization.</summary>
    public static async Task RequireReadAsync(LiteLLMDbContext db, ApiKeyAuth caller, string organizationId, CancellationToken cancellationToken)
    {
        if (!LiteLLMRoles.CanReadAll(caller.UserRole)
            && await RoleOfAsync(db, caller, organizationId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw ManagementAccess.Forbidden($"User={caller.UserId ?? "None"} is not a member of organization={organizationId}.");
        }
    }

    /// <summary>403 unless the caller may add members: a proxy admin or the organization's <c>org_admin</c>, never a viewer.</summary>
    public static async Task RequireMemberAdminAsync(LiteLLMDbContext db, ApiKeyAuth caller, string organizationId, CancellationToken cancellationToken)
    {
        ManagementAccess.RequireWriter(caller);
        if (!LiteLLMRoles.IsAdmin(caller.UserRole)
            && await RoleOfAsync(db, caller, organizationId, cancellationToken).ConfigureAwait(false) != LiteLLMRoles.OrgAdmin)
        {
            throw ManagementAccess.Forbidden(
                $"Call not allowed. User not proxy admin OR org admin. route=/organization/member_add, organization_id={organizationId}");
        }
    }
}
