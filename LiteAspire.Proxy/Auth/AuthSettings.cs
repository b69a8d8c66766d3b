using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Auth;

/// <summary>Auth settings from <c>general_settings</c>.</summary>
public sealed class AuthSettings
{
    /// <summary>LiteLLM's default <c>user_api_key_cache_ttl</c>.</summary>
    public static readonly TimeSpan DefaultKeyCacheTtl = TimeSpan.FromSeconds(60);

    /// <summary>How long a looked-up key is trusted without asking again (<c>user_api_key_cache_ttl</c>, seconds).</summary>
    public TimeSpan KeyCacheTtl { get; init; } = DefaultKeyCacheTtl;

    /// <summary>Reads the settings from the loaded config.</summary>
    public static AuthSettings From(ProxyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var ttl = config.GeneralSettings.Extra.TryGetValue("user_api_key_cache_ttl", out var value)
            && double.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultKeyCacheTtl;
        return new AuthSettings { KeyCacheTtl = ttl };
    }
}
