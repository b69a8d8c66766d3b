namespace LiteAspire.Proxy.Auth;

/// <summary>LiteLLM's user roles (<c>LitellmUserRoles</c>) and what each may do.</summary>
public static class LiteLLMRoles
{
    /// <summary>Full control: the master key, or a user with this role.</summary>
    public const string ProxyAdmin = "proxy_admin";

    /// <summary>Reads everything, changes nothing.</summary>
    public const string ProxyAdminViewer = "proxy_admin_viewer";

    /// <summary>Administers the teams and users of their organization.</summary>
    public const string OrgAdmin = "org_admin";

    /// <summary>Creates and manages their own keys; sees their own spend.</summary>
    public const string InternalUser = "internal_user";

    /// <summary>Sees their own keys and spend; changes nothing.</summary>
    public const string InternalUserViewer = "internal_user_viewer";

    /// <summary>A team's identity from a JWT.</summary>
    public const string Team = "team";

    /// <summary>An end user (customer) of the proxy's callers.</summary>
    public const string Customer = "customer";

    /// <summary>Team member role with admin rights over the team.</summary>
    public const string TeamAdmin = "admin";

    /// <summary>Ordinary team member role.</summary>
    public const string TeamUser = "user";

    /// <summary>Every user role LiteLLM accepts in <c>user_role</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [ProxyAdmin, ProxyAdminViewer, OrgAdmin, InternalUser, InternalUserViewer, Team, Customer];

    /// <summary>True for a role that may read everything.</summary>
    public static bool CanReadAll(string? role) => role is ProxyAdmin or ProxyAdminViewer;

    /// <summary>True for a role that may change everything.</summary>
    public static bool IsAdmin(string? role) => role is ProxyAdmin;

    /// <summary>True for a read-only role.</summary>
    public static bool IsViewer(string? role) => role is ProxyAdminViewer or InternalUserViewer;
}
