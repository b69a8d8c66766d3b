using LiteAspire.Data.Configuration;
using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Health;

/// <summary>
/// <c>general_settings</c> for deployment health checks: <c>background_health_checks</c>, <c>health_check_interval</c>
/// (seconds, LiteLLM's default 300) and <c>health_check_details</c> (default true; false lists only each endpoint's model).
/// </summary>
/// <param name="BackgroundChecks">Check every deployment on a timer and let <c>GET /health</c> answer the latest result.</param>
/// <param name="Interval">The pause between two background runs.</param>
/// <param name="Details">List api_base and the other safe fields of each endpoint, not only its model.</param>
public sealed record HealthCheckSettings(bool BackgroundChecks, TimeSpan Interval, bool Details)
{
    /// <summary>LiteLLM's <c>DEFAULT_HEALTH_CHECK_INTERVAL</c>.</summary>
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromSeconds(300);

    /// <summary>LiteLLM's <c>HEALTH_CHECK_TIMEOUT_SECONDS</c>: one deployment's check gives up after this unless <c>model_info.health_check_timeout</c> says otherwise.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads the settings from <paramref name="config"/>.</summary>
    public static HealthCheckSettings From(ProxyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var general = config.GeneralSettings.Extra;
        var seconds = ConfigValues.NumberOf(general.GetValueOrDefault("health_check_interval"));
        return new HealthCheckSettings(
            BackgroundChecks: Flag(general.GetValueOrDefault("background_health_checks")) ?? false,
            Interval: seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : DefaultInterval,
            Details: Flag(general.GetValueOrDefault("health_check_details")) ?? true);
    }

    /// <summary>A YAML boolean, or one given as text (an <c>os.environ/</c> value); null when absent or not a boolean.</summary>
    internal static bool? Flag(object? value) => value switch
    {
        bool flag => flag,
        string text => ConfigValues.ToBoolean(text),
        _ => null,
    };
}
