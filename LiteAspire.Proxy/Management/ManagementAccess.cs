using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Management;

/// <summary>Who may do what on the management API, with LiteLLM's roles; refusals are 403s in the OpenAI error shape.</summary>
public static class ManagementAccess
{
    /// <summary>Only the proxy admin (the master key or a <c>proxy_admin</c> user).</summary>
    public static void RequireAdmin(ApiKeyAuth caller, string action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!LiteLLMRoles.IsAdmin(caller.UserRole))
        {
            throw Forbidden($"Only proxy admins can {action}. Your role is {caller.UserRole}.");
        }
    }

    /// <summary>Anyone allowed to read everything (proxy admin or proxy admin viewer).</summary>
    public static void RequireReadAll(ApiKeyAuth caller, string action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!LiteLLMRoles.CanReadAll(caller.UserRole))
        {
            throw Forbidden($"Only proxy admins can {action}. Your role is {caller.UserRole}.");
        }
    }

    /// <summary>Refuses read-only roles (viewers) any change.</summary>
    public static void RequireWriter(ApiKeyAuth caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (LiteLLMRoles.IsViewer(caller.UserRole))
        {
            throw Forbidden($"Your role ({caller.UserRole}) is read-only and cannot make changes.");
        }
    }

    /// <summary>True when the caller administers <paramref name="teamId"/>: a proxy admin, or the team's admin member.</summary>
    public static bool IsTeamAdmin(ApiKeyAuth caller, string? teamId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return LiteLLMRoles.IsAdmin(caller.UserRole)
            || (teamId is not null && caller.Team is { } team && team.TeamId == teamId && team.MemberRole == LiteLLMRoles.TeamAdmin);
    }

    /// <summary>A 403 <c>auth_error</c>.</summary>
    public static GatewayException Forbidden(string message) => new(403, message, "auth_error", "None");
}
