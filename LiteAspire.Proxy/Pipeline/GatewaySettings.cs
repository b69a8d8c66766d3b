using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>The gateway settings the hot path needs, read once from the config snapshot.</summary>
public sealed class GatewaySettings
{
    /// <summary>LiteLLM's default request timeout (seconds).</summary>
    public const double DefaultTimeoutSeconds = 600;

    /// <summary>The body limit when <c>general_settings.max_request_size_mb</c> is not set.</summary>
    public const double DefaultMaxRequestSizeMb = 10;

    /// <summary>Reads the settings from <paramref name="config"/>.</summary>
    public GatewaySettings(ProxyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        DropParams = config.LiteLLMSettings.DropParams ?? false;
        var seconds = config.RouterSettings.Timeout ?? config.LiteLLMSettings.RequestTimeout ?? DefaultTimeoutSeconds;
        DefaultTimeout = TimeSpan.FromSeconds(seconds > 0 ? seconds : DefaultTimeoutSeconds);
        var megabytes = ConfigValues.NumberOf(config.GeneralSettings.Extra.GetValueOrDefault("max_request_size_mb")) ?? DefaultMaxRequestSizeMb;
        MaxRequestBytes = (long)(megabytes * 1024 * 1024);
    }

    /// <summary><c>litellm_settings.drop_params</c>.</summary>
    public bool DropParams { get; }

    /// <summary>The upstream timeout for deployments without their own.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>The largest request body accepted (413 above it).</summary>
    public long MaxRequestBytes { get; }
}
