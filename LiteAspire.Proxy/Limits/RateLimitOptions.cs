using System.Globalization;

using LiteAspire.Data;

namespace LiteAspire.Proxy.Limits;

/// <summary>How the rate limiter counts: the fixed window, and how long a parallel slot outlives a lost instance.</summary>
public sealed class RateLimitOptions
{
    /// <summary>LiteLLM's setting for the window, in whole seconds.</summary>
    public const string WindowSizeSetting = "LITELLM_RATE_LIMIT_WINDOW_SIZE";

    /// <summary>LiteLLM's default window.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(60);

    /// <summary>The fixed window rpm and tpm are counted in.</summary>
    public TimeSpan Window { get; init; } = DefaultWindow;

    /// <summary>
    /// How long a parallel slot taken through Redis counts when its request never completes (the instance died).
    /// The default is LiteLLM's default request timeout; a request running longer stops counting after it.
    /// </summary>
    public TimeSpan ParallelLeaseTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Reads <see cref="WindowSizeSetting"/> (environment or configuration).</summary>
    /// <exception cref="StartupConfigurationException">The window is not a positive whole number of seconds.</exception>
    public static RateLimitOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[WindowSizeSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RateLimitOptions();
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? new RateLimitOptions { Window = TimeSpan.FromSeconds(seconds) }
            : throw new StartupConfigurationException($"{WindowSizeSetting} must be a positive whole number of seconds, not '{text}'.");
    }
}
