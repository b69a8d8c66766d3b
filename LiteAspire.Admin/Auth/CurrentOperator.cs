using LiteAspire.Admin.ProxyApi;
using Microsoft.AspNetCore.Components.Authorization;

namespace LiteAspire.Admin.Auth;

/// <summary>The signed-in operator: who they are and what their LiteLLM role lets them do on the dashboard.</summary>
/// <param name="Name">What the header shows.</param>
/// <param name="UserId">Their LiteLLM user id (null for the master key).</param>
/// <param name="Role">Their LiteLLM role.</param>
public sealed record Operator(string Name, string? UserId, string? Role)
{
    /// <summary>Sees every tenant's data.</summary>
    public bool CanReadAll => AdminRoles.CanReadAll(Role);

    /// <summary>May change anything.</summary>
    public bool IsAdmin => AdminRoles.IsAdmin(Role);

    /// <summary>May create and change keys (any for an admin; their own for an internal user).</summary>
    public bool CanManageKeys => AdminRoles.CanManageKeys(Role);

    /// <summary>
    /// Refuses a change the role may not make, before it reaches the proxy (which refuses it too): buttons are hidden
    /// from such roles, and this guards the handler behind them.
    /// </summary>
    public void Require(bool allowed, string action)
    {
        if (!allowed)
        {
            throw new ProxyApiException(403, $"Your role ({AdminRoles.Describe(Role)}) cannot {action}.");
        }
    }
}

/// <summary>Reads the <see cref="Operator"/> of the current circuit (or prerendering request).</summary>
public sealed class CurrentOperator(AuthenticationStateProvider authentication)
{
    /// <summary>The signed-in operator; a signed-out visitor has no role and may do nothing.</summary>
    public async Task<Operator> GetAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync().ConfigureAwait(false)).User;
        return user.Identity?.IsAuthenticated == true
            ? new Operator(user.Identity.Name ?? "operator", AdminClaims.UserIdOf(user), AdminClaims.RoleOf(user))
            : new Operator("signed out", null, null);
    }
}
