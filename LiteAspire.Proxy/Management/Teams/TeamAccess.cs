using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// Who may see and change a team: proxy admins everything, viewers read; the team's admins (role <c>admin</c> in
/// <c>members_with_roles</c>) manage it; its members and its own keys read it; nobody else (403).
/// </summary>
internal static class TeamAccess
{
    /// <summary>The tracked team, or LiteLLM's 404.</summary>
    public static async Task<TeamTable> FindAsync(LiteLLMDbContext db, string teamId, CancellationToken cancellationToken) =>
        await db.Teams.FirstOrDefaultAsync(t => t.TeamId == teamId, cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.NotFound($"Team not found, passed team_id={teamId}", "team_id");

    /// <summary>
    /// <see cref="FindAsync"/> for a change, inside the change's transaction: waits for other writers of the team first, so
    /// its members list is read after theirs is written (two concurrent member_add calls keep both members).
    /// </summary>
    public static async Task<TeamTable> FindForUpdateAsync(LiteLLMDbContext db, string teamId, CancellationToken cancellationToken)
    {
        await DbLocks.LockAsync(db, "litellm:team:" + teamId, cancellationToken).ConfigureAwait(false);
        return await FindAsync(db, teamId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The caller's role in <paramref name="team"/> (<c>admin</c>, <c>user</c>), or null when their user is not a member.</summary>
    public static string? RoleOf(ApiKeyAuth caller, TeamTable team) => caller.UserId is { } userId ? TeamRoles.RoleOf(team, userId) : null;

    /// <summary>True when the caller may read <paramref name="team"/>: admins and viewers, its members, and keys of the team.</summary>
    public static bool CanRead(ApiKeyAuth caller, TeamTable team) =>
        LiteLLMRoles.CanReadAll(caller.UserRole) || caller.TeamId == team.TeamId || RoleOf(caller, team) is not null;

    /// <summary>403 unless the caller may read <paramref name="team"/>.</summary>
    public static void RequireRead(ApiKeyAuth caller, TeamTable team)
    {
        if (!CanRead(caller, team))
        {
            throw ManagementAccess.Forbidden($"User={caller.UserId ?? "None"} not authorized to access this team={team.TeamId}");
        }
    }

    /// <summary>403 unless the caller may change <paramref name="team"/> and its members: a proxy admin or the team's admin, never a viewer.</summary>
    public static void RequireManage(ApiKeyAuth caller, TeamTable team, string route)
    {
        ManagementAccess.RequireWriter(caller);
        if (!LiteLLMRoles.IsAdmin(caller.UserRole) && RoleOf(caller, team) != LiteLLMRoles.TeamAdmin)
        {
            throw ManagementAccess.Forbidden($"Call not allowed. User not proxy admin OR team admin. route={route}, team_id={team.TeamId}");
        }
    }
}
