using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Auth;

/// <summary>LiteLLM's route check for routes only the proxy admin may call: anyone else gets its 401 <c>auth_error</c>.</summary>
public static class AdminOnlyRoute
{
    /// <summary>Throws LiteLLM's refusal unless <paramref name="caller"/> is the proxy admin (the master key or a <c>proxy_admin</c> user).</summary>
    public static void Require(ApiKeyAuth caller, string route)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (LiteLLMRoles.IsAdmin(caller.UserRole))
        {
            return;
        }

        throw new GatewayException(401,
            "Authentication Error, Only proxy admin can be used to generate, delete, update info for new keys/users/teams. "
            + $"Route={route}. Your role={caller.UserRole ?? "unknown"}. Your user_id={MaskUserId(caller.UserId)}",
            "auth_error", "None");
    }

    /// <summary>LiteLLM's masking of the user id in that message: the first six and last two characters, stars between.</summary>
    public static string MaskUserId(string? userId) => userId switch
    {
        null or "" => "unknown",
        { Length: <= 8 } brief => brief[..Math.Min(6, brief.Length)] + brief[^Math.Min(2, brief.Length)..],
        _ => userId[..6] + new string('*', userId.Length - 8) + userId[^2..],
    };
}
