using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// LiteLLM's UI session keys: a dashboard signs a single-sign-on user in with a short-lived key of that user on the special
/// team <c>litellm-dashboard</c>. The team needs no row, its keys are left out of key lists and counts, and holding such a
/// key does not tie the holder to that team (LiteLLM issue 7482): the user acts exactly as with a personal key.
/// </summary>
public static class UiSessionKeys
{
    /// <summary>LiteLLM's <c>UI_SESSION_TOKEN_TEAM_ID</c>.</summary>
    public const string TeamId = ListKeysEndpoint.UiSessionTeamId;

    /// <summary>
    /// True when a proxy admin (the dashboard's service key) asks for a key on the UI session team, which need not exist.
    /// Anyone else gets the usual 400 for a team that does not exist, so nobody else makes keys hidden from the lists.
    /// </summary>
    public static bool IsSessionKeyRequest(ApiKeyAuth caller, string? teamId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return teamId == TeamId && LiteLLMRoles.IsAdmin(caller.UserRole);
    }

    /// <summary>The team a calling key is bound to for key management: its own team, or none for a UI session key.</summary>
    public static string? BindingTeamOf(ApiKeyAuth caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.TeamId == TeamId ? null : caller.TeamId;
    }
}
