using System.Security.Claims;
using LiteAspire.Admin.ProxyApi;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace LiteAspire.Admin.Auth;

/// <summary>Signs an operator in with a proxy key: the proxy says whose key it is, and the role decides whether they may.</summary>
public sealed class KeySignIn(ProxyApiClient proxy)
{
    /// <summary>Null when signed in; otherwise why not, fit to show on the sign-in page.</summary>
    public async Task<string?> SignInAsync(HttpContext context, string? key)
    {
        ArgumentNullException.ThrowIfNull(context);
        key = key?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return "Enter the master key or your virtual key.";
        }

        CallerIdentity identity;
        try
        {
            using var request = await proxy.RequestAsync(HttpMethod.Get, "/auth/me", null, key);
            using var response = await proxy.SendAsync(request, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
            identity = await response.Content.ReadFromJsonAsync<CallerIdentity>(ProxyJson.Options, context.RequestAborted)
                ?? throw new ProxyApiException((int)response.StatusCode, "The proxy answered with an empty body.");
        }
        catch (ProxyApiException e) when (e.StatusCode is 401 or 403)
        {
            return "That key is not valid (unknown, blocked or expired).";
        }
        catch (ProxyApiException e)
        {
            return e.Message;
        }

        if (!AdminRoles.SignInRoles.Contains(identity.UserRole ?? string.Empty))
        {
            return $"This key's role ({identity.UserRole ?? "none"}) cannot use the dashboard: sign in with the master key or a key of a "
                + "proxy_admin, proxy_admin_viewer, internal_user or internal_user_viewer.";
        }

        var name = identity.IsMasterKey ? "admin (master key)" : identity.UserId ?? identity.KeyAlias ?? identity.KeyName ?? "operator";
        var principal = Principal(name, identity.UserId, identity.UserRole!, "key", key);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return null;
    }

    /// <summary>The cookie's principal: name, LiteLLM user id and role, how they signed in, and the key to call with.</summary>
    public static ClaimsPrincipal Principal(string name, string? userId, string role, string method, string? key)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(ClaimTypes.Role, role),
            new(AdminClaims.Method, method),
        };
        if (userId is not null)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, userId));
        }

        if (key is not null)
        {
            claims.Add(new Claim(AdminClaims.ProxyKey, key));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
