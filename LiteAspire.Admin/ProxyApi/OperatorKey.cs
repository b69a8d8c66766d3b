using LiteAspire.Admin.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace LiteAspire.Admin.ProxyApi;

/// <summary>
/// The key the dashboard calls the proxy with for the signed-in operator: the key they signed in with, or after a single
/// sign-on their UI session key. One per circuit (or per request when prerendering).
/// </summary>
public sealed class OperatorKey(AuthenticationStateProvider authentication, IConfiguration configuration)
{
    /// <summary>The key, or null when nobody is signed in.</summary>
    public async Task<string?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        if (state.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return AdminClaims.KeyOf(state.User) ?? ServiceKey(configuration);
    }

    /// <summary>The dashboard's own key (<c>LITELLM_MASTER_KEY</c>), used for single sign-on's look-ups and the status check.</summary>
    public static string? ServiceKey(IConfiguration configuration) =>
        configuration?["LITELLM_MASTER_KEY"] is { Length: > 0 } key ? key : null;
}
