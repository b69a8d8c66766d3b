namespace LiteAspire.Admin.Auth;

/// <summary>
/// LiteLLM's user roles as the dashboard reads them: who may sign in, who sees every tenant, who may change things.
/// The proxy enforces the same rules on every call the dashboard makes with the signed-in key.
/// </summary>
public static class AdminRoles
{
    /// <summary>Full control (the master key, or a user with this role).</summary>
    public const string ProxyAdmin = "proxy_admin";

    /// <summary>Sees everything, changes nothing.</summary>
    public const string ProxyAdminViewer = "proxy_admin_viewer";

    /// <summary>Sees and manages their own keys and spend.</summary>
    public const string InternalUser = "internal_user";

    /// <summary>Sees their own keys and spend, changes nothing.</summary>
    public const string InternalUserViewer = "internal_user_viewer";

    /// <summary>Policy: any role that may sign in.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Policy: roles that read every tenant's data (admin pages).</summary>
    public const string ReadAll = "read-all";

    /// <summary>Policy: roles that may change any tenant's data.</summary>
    public const string Admin = "admin";

    /// <summary>The roles the dashboard accepts at sign-in.</summary>
    public static IReadOnlyList<string> SignInRoles { get; } = [ProxyAdmin, ProxyAdminViewer, InternalUser, InternalUserViewer];

    /// <summary>True for a role that reads every tenant's data.</summary>
    public static bool CanReadAll(string? role) => role is ProxyAdmin or ProxyAdminViewer;

    /// <summary>True for the role that changes anything.</summary>
    public static bool IsAdmin(string? role) => role is ProxyAdmin;

    /// <summary>True for a role that may create and change keys (any key for an admin, their own for an internal user).</summary>
    public static bool CanManageKeys(string? role) => role is ProxyAdmin or InternalUser;

    /// <summary>The role's name as LiteLLM's UI shows it.</summary>
    public static string Describe(string? role) => role switch
    {
        ProxyAdmin => "Admin",
        ProxyAdminViewer => "Admin viewer",
        InternalUser => "Internal user",
        InternalUserViewer => "Internal viewer",
        _ => role ?? "none",
    };
}
