using LiteAspire.Data;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>
/// Who may read which spend, with LiteLLM's roles: proxy admins and viewers read everything; anyone else reads their own
/// user's spend, the spend of teams they administer (request logs) or belong to (team activity), and of organizations
/// they are a member of.
/// </summary>
public static class SpendAccess
{
    /// <summary>True for the proxy admin and the proxy admin viewer.</summary>
    public static bool ReadsAll(ApiKeyAuth caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return LiteLLMRoles.CanReadAll(caller.UserRole);
    }

    /// <summary>The caller's user id; 403 when the key belongs to no user (it then owns no spend it could read).</summary>
    public static string OwnUserId(ApiKeyAuth caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.UserId
            ?? throw ManagementAccess.Forbidden("You are not authorized to view spend. No 'user_id' is associated with your API key.");
    }

    /// <summary>
    /// The user whose spend a non-admin reads: their own. Asking for another user's is a 403 (LiteLLM silently replaces it,
    /// which hides the mistake).
    /// </summary>
    public static string OwnUserOnly(ApiKeyAuth caller, string? requested)
    {
        var own = OwnUserId(caller);
        if (requested is not null && requested != own)
        {
            throw ManagementAccess.Forbidden("You are not authorized to view another user's spend.");
        }

        return own;
    }

    /// <summary>True when the caller is an admin member of <paramref name="teamId"/> (as listed in the team's members_with_roles).</summary>
    public static async Task<bool> AdministersTeamAsync(LiteLLMDbContext db, ApiKeyAuth caller, string teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.UserId is not { } userId)
        {
            return false;
        }

        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.TeamId == teamId, cancellationToken).ConfigureAwait(false);
        return team is not null && TeamRoles.RoleOf(team, userId) == LiteLLMRoles.TeamAdmin;
    }

    /// <summary>403 unless the caller reads everything.</summary>
    public static void RequireReadAll(ApiKeyAuth caller, string what) => ManagementAccess.RequireReadAll(caller, "view " + what);
}
