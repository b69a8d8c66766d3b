using LiteAspire.Proxy.Limits;
using LiteAspire.Proxy.Replicas;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the rate limiter.</summary>
public static class RateLimitingServiceExtensions
{
    /// <summary>
    /// Registers <see cref="IRateLimiter"/>: <see cref="RedisRateLimiter"/> when Redis is configured (<c>AddLiteLLMRedis</c>),
    /// else <see cref="InMemoryRateLimiter"/>; the window from <c>LITELLM_RATE_LIMIT_WINDOW_SIZE</c>.
    /// </summary>
    /// <exception cref="LiteAspire.Data.StartupConfigurationException">The window setting is not a positive whole number.</exception>
    public static IServiceCollection AddRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(RateLimitOptions.FromConfiguration(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.RateLimiter());
        return services;
    }
}
