using System.Security.Claims;

namespace LiteAspire.Admin.Auth;

/// <summary>The claims of a signed-in operator, carried in the encrypted sign-in cookie.</summary>
public static class AdminClaims
{
    /// <summary>The key the operator signed in with; every proxy call is made with it.</summary>
    public const string ProxyKey = "liteaspire:proxy_key";

    /// <summary>How the operator signed in: <c>key</c> or <c>oidc</c>.</summary>
    public const string Method = "liteaspire:sign_in_method";

    /// <summary>The operator's proxy key: the key they signed in with, or the UI session key of a single sign-on.</summary>
    public static string? KeyOf(ClaimsPrincipal user) => user?.FindFirst(ProxyKey)?.Value;

    /// <summary>How the operator signed in (<c>key</c> or <c>oidc</c>).</summary>
    public static string? MethodOf(ClaimsPrincipal user) => user?.FindFirst(Method)?.Value;

    /// <summary>The operator's LiteLLM role.</summary>
    public static string? RoleOf(ClaimsPrincipal user) => user?.FindFirst(ClaimTypes.Role)?.Value;

    /// <summary>The operator's LiteLLM user id (null for the master key).</summary>
    public static string? UserIdOf(ClaimsPrincipal user) => user?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
}
