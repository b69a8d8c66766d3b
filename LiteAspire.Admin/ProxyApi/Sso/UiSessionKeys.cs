using System.Security.Cryptography;
using System.Text;

namespace LiteAspire.Admin.ProxyApi.Sso;

/// <summary>
/// LiteLLM's UI session keys: a short-lived key of the signed-in user on the special team <c>litellm-dashboard</c>, which the
/// proxy's key lists leave out. The dashboard calls the proxy with it, so the proxy applies the user's role to every call.
/// </summary>
public sealed class UiSessionKeys(ServiceKeyCalls proxy, ILogger<UiSessionKeys> logger)
{
    /// <summary>LiteLLM's <c>UI_SESSION_TOKEN_TEAM_ID</c>.</summary>
    public const string TeamId = "litellm-dashboard";

    /// <summary>The metadata entry that marks a key as a dashboard session (and how it was signed in).</summary>
    public const string MetadataMarker = "liteaspire_ui_session";

    /// <summary>A new session key of <paramref name="userId"/>, valid for <paramref name="lifetime"/>.</summary>
    public Task<GeneratedSessionKey> CreateAsync(string userId, TimeSpan lifetime, string method, CancellationToken cancellationToken) =>
        proxy.PostAsync<GeneratedSessionKey>("/key/generate",
            new SessionKeyRequest(userId, TeamId, Duration(lifetime), new Dictionary<string, string> { [MetadataMarker] = method }),
            cancellationToken);

    /// <summary>Deletes a session key; best effort (it expires anyway), so failures are logged, not thrown.</summary>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            // The hash names the key as well as the key itself, and keeps the plaintext out of the request body.
            await proxy.PostAsync<System.Text.Json.Nodes.JsonObject>("/key/delete", new DeleteKeysRequest([Hash(key)]), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ProxyApiException e)
        {
            logger.LogWarning("Could not delete the UI session key at sign-out (it expires on its own): {Reason}", e.Message);
        }
    }

    /// <summary>LiteLLM's duration text: whole hours as <c>8h</c>, anything else in seconds.</summary>
    public static string Duration(TimeSpan lifetime) =>
        lifetime.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)lifetime.TotalHours}h" : $"{(long)lifetime.TotalSeconds}s";

    /// <summary>How the proxy stores a key: the SHA-256 hex of the whole key.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
