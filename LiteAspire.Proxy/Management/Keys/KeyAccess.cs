using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// Who may read and change which key, with LiteLLM's rules: proxy admins everything (viewers read everything); a user
/// their own personal keys; a team admin every key of the team; another team member what the team's
/// <c>team_member_permissions</c> allow on their own keys (by default only <c>/key/info</c>); a key without a user only
/// itself. A key of one team never reaches another team's keys.
/// </summary>
public static class KeyAccess
{
    /// <summary>Route names used as team member permissions.</summary>
    public const string GenerateRoute = "/key/generate";

    /// <inheritdoc cref="GenerateRoute"/>
    public const string UpdateRoute = "/key/update";

    /// <inheritdoc cref="GenerateRoute"/>
    public const string DeleteRoute = "/key/delete";

    /// <inheritdoc cref="GenerateRoute"/>
    public const string RegenerateRoute = "/key/regenerate";

    /// <inheritdoc cref="GenerateRoute"/>
    public const string InfoRoute = "/key/info";

    /// <summary>What a team member (not admin) may do when the team sets no <c>team_member_permissions</c>.</summary>
    public static IReadOnlyList<string> DefaultTeamMemberPermissions { get; } = [InfoRoute, "/key/health"];

    /// <summary>True when <paramref name="caller"/> may read <paramref name="key"/> (of <paramref name="team"/>).</summary>
    public static bool CanRead(ApiKeyAuth caller, VerificationToken key, TeamTable? team)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(key);
        if (LiteLLMRoles.CanReadAll(caller.UserRole) || key.Token == caller.Token)
        {
            return true;
        }

        if (OfOtherTeam(caller, key.TeamId) || caller.UserId is null)
        {
            return false;
        }

        if (key.UserId == caller.UserId)
        {
            return true;
        }

        return team is not null && TeamRoles.RoleOf(team, caller.UserId) is { } role
            && (role == LiteLLMRoles.TeamAdmin || MemberMay(team, InfoRoute));
    }

    /// <summary>403 unless <paramref name="caller"/> may read <paramref name="key"/>.</summary>
    public static void RequireRead(ApiKeyAuth caller, VerificationToken key, TeamTable? team)
    {
        if (!CanRead(caller, key, team))
        {
            throw ManagementAccess.Forbidden($"You are not allowed to access this key's info. Your role={caller.UserRole ?? "None"}");
        }
    }

    /// <summary>403 unless <paramref name="caller"/> may do <paramref name="route"/> on the existing <paramref name="key"/>.</summary>
    public static void RequireChange(ApiKeyAuth caller, VerificationToken key, TeamTable? team, string route)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(key);
        ManagementAccess.RequireWriter(caller);
        if (LiteLLMRoles.IsAdmin(caller.UserRole))
        {
            return;
        }

        RequireSameTeam(caller, key.TeamId);
        var userId = RequireUser(caller);
        if (key.TeamId is not null)
        {
            var role = team is null ? null : TeamRoles.RoleOf(team, userId);
            if (role == LiteLLMRoles.TeamAdmin)
            {
                return;
            }

            if (role is null || team is null)
            {
                throw ManagementAccess.Forbidden($"User={userId} is not an admin of team={key.TeamId}, which this key belongs to.");
            }

            if (key.UserId != userId)
            {
                throw ManagementAccess.Forbidden($"Only an admin of team={key.TeamId} can change another member's key.");
            }

            RequireMemberMay(team, route);
            return;
        }

        if (key.UserId != userId)
        {
            throw ManagementAccess.Forbidden("You can only manage your own keys.");
        }
    }

    /// <summary>403 unless <paramref name="caller"/> may block or unblock <paramref name="key"/>: a proxy admin or the key's team admin.</summary>
    public static void RequireTeamAdmin(ApiKeyAuth caller, VerificationToken key, TeamTable? team, string action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(key);
        ManagementAccess.RequireWriter(caller);
        if (LiteLLMRoles.IsAdmin(caller.UserRole))
        {
            return;
        }

        RequireSameTeam(caller, key.TeamId);
        if (team is null || caller.UserId is null || TeamRoles.RoleOf(team, caller.UserId) != LiteLLMRoles.TeamAdmin)
        {
            throw ManagementAccess.Forbidden($"Only proxy admins and the key's team admins can {action} keys.");
        }
    }

    /// <summary>
    /// 403 unless <paramref name="caller"/> may create a key for <paramref name="userId"/> in <paramref name="team"/>
    /// (null: a personal key); 400 when the team admin assigns it to someone outside the team.
    /// </summary>
    public static void RequireGenerate(ApiKeyAuth caller, string? userId, TeamTable? team)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ManagementAccess.RequireWriter(caller);
        if (LiteLLMRoles.IsAdmin(caller.UserRole))
        {
            return;
        }

        var callerId = RequireUser(caller);
        if (team is null)
        {
            if (userId != callerId)
            {
                throw ManagementAccess.Forbidden($"User can only create keys for themselves. Got user_id={userId ?? "None"}, Your ID={callerId}");
            }

            return;
        }

        RequireSameTeam(caller, team.TeamId);
        var role = TeamRoles.RoleOf(team, callerId)
            ?? throw ManagementAccess.Forbidden($"User={callerId} is not a member of team={team.TeamId}.");
        if (role == LiteLLMRoles.TeamAdmin)
        {
            if (userId is not null && TeamRoles.RoleOf(team, userId) is null)
            {
                throw ManagementErrors.BadRequest($"User={userId} is not a member of team={team.TeamId}.", "user_id");
            }

            return;
        }

        RequireMemberMay(team, GenerateRoute);
        if (userId is not null && userId != callerId)
        {
            throw ManagementAccess.Forbidden($"User can only create keys for themselves. Got user_id={userId}, Your ID={callerId}");
        }
    }

    /// <summary>True when a key of another team than <paramref name="teamId"/> is calling (proxy admins excepted by the callers).</summary>
    public static bool OfOtherTeam(ApiKeyAuth caller, string? teamId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var own = UiSessionKeys.BindingTeamOf(caller);
        return own is not null && teamId is not null && own != teamId;
    }

    /// <summary>True when <paramref name="userId"/> administers <paramref name="team"/>.</summary>
    public static bool IsTeamAdmin(TeamTable team, string? userId) =>
        userId is not null && TeamRoles.RoleOf(team, userId) == LiteLLMRoles.TeamAdmin;

    /// <summary>True when the team's members (not admins) may call <paramref name="route"/>.</summary>
    public static bool MemberMay(TeamTable team, string route)
    {
        ArgumentNullException.ThrowIfNull(team);
        var permissions = team.TeamMemberPermissions is { Count: > 0 } own ? own : DefaultTeamMemberPermissions;
        return permissions.Contains(route, StringComparer.Ordinal);
    }

    private static void RequireMemberMay(TeamTable team, string route)
    {
        if (!MemberMay(team, route))
        {
            var permissions = team.TeamMemberPermissions is { Count: > 0 } own ? own : DefaultTeamMemberPermissions;
            throw new Errors.GatewayException(403,
                $"Team member does not have permissions for endpoint: {route}. You only have access to the following endpoints: "
                + $"[{string.Join(", ", permissions)}] for team {team.TeamId}.",
                "team_member_permission_error", route);
        }
    }

    private static void RequireSameTeam(ApiKeyAuth caller, string? teamId)
    {
        if (OfOtherTeam(caller, teamId))
        {
            throw ManagementAccess.Forbidden($"A key of team={caller.TeamId} cannot manage keys of team={teamId}.");
        }
    }

    private static string RequireUser(ApiKeyAuth caller) => caller.UserId
        ?? throw ManagementAccess.Forbidden("This key belongs to no user: it can only read its own info (/key/info).");
}
