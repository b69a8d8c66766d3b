using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Teams;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>
/// <c>DELETE|POST /organization/delete</c> (proxy admins). An organization that still has teams is refused (400 naming
/// them) rather than deleting the teams with it; otherwise its memberships go, its own keys are deleted (copied to
/// <c>LiteLLM_DeletedVerificationToken</c>) and it is deleted. Its budget row stays (other rows may share it).
/// All organizations qualify or nothing is deleted.
/// </summary>
internal static class DeleteOrganizationEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "delete organizations");
        var request = await ManagementJson.ReadAsync<DeleteOrganizationRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        if (request.OrganizationIds is not { Count: > 0 } ids || ids.Exists(string.IsNullOrEmpty))
        {
            throw ManagementErrors.BadRequest("'organization_ids' must list at least one organization id.", "organization_ids");
        }

        var organizationIds = ids.Distinct(StringComparer.Ordinal).ToList();
        var db = ManagementDb.Of(context);
        var organizations = await db.Organizations.Where(o => organizationIds.Contains(o.OrganizationId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (organizationIds.Find(id => !organizations.Exists(o => o.OrganizationId == id)) is { } missing)
        {
            throw ManagementErrors.NotFound($"Organization not found for organization_id={missing}", "organization_ids");
        }

        var teams = await db.Teams.AsNoTracking().Where(t => t.OrganizationId != null && organizationIds.Contains(t.OrganizationId))
            .OrderBy(t => t.TeamId).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (teams.Count > 0)
        {
            var named = string.Join(", ", teams.Select(t => t.TeamAlias is null ? t.TeamId : $"{t.TeamId} ({t.TeamAlias})"));
            throw ManagementErrors.BadRequest(
                $"Cannot delete organization {teams[0].OrganizationId}: teams still belong to it: {named}. Delete the teams or move them to another organization first.",
                "organization_ids");
        }

        var details = await OrganizationDetails.LoadAsync(db, organizations, cancellationToken).ConfigureAwait(false);
        var deletion = Deletion.Of(context, caller, ManagementClock.Now(context));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        db.OrganizationMemberships.RemoveRange(await db.OrganizationMemberships.Where(m => organizationIds.Contains(m.OrganizationId))
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        var keys = await db.VerificationTokens.Where(k => k.OrganizationId != null && organizationIds.Contains(k.OrganizationId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            db.DeletedVerificationTokens.Add(DeletedRows.Key(key, deletion));
        }

        db.VerificationTokens.RemoveRange(keys);
        foreach (var user in await db.Users.Where(u => u.OrganizationId != null && organizationIds.Contains(u.OrganizationId))
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            user.OrganizationId = null;
            user.UpdatedAt = deletion.At;
        }

        db.Organizations.RemoveRange(organizations);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await AffectedKeys.InvalidateAsync(context, keys.ConvertAll(k => k.Token)).ConfigureAwait(false);
        return ManagementJson.Ok(details);
    }
}
