using System.Runtime.CompilerServices;

using LiteAspire.Proxy.Configuration;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiteAspire.Proxy.Caching;

/// <summary>Registers the response cache from <c>litellm_settings.cache</c>/<c>cache_params</c>, or a cache that is off.</summary>
/// <remarks>
/// Redis types are named only inside <see cref="RedisStores"/>, which runs for <c>type: redis</c>: a proxy without Redis
/// never loads StackExchange.Redis for the cache.
/// </remarks>
public static class CacheServiceExtensions
{
    private const string MultiplexerType = "StackExchange.Redis.IConnectionMultiplexer";

    /// <summary>Reads and checks the cache settings now (bad ones stop the start) and registers <see cref="ResponseCache"/>.</summary>
    /// <param name="services">The proxy's services, Redis already added (<c>AddLiteLLMRedis</c>).</param>
    /// <param name="config">The config snapshot.</param>
    /// <param name="environment">Looks up <c>MAX_SIZE_PER_ITEM_IN_MEMORY_CACHE_IN_KB</c>; the process environment when null.</param>
    /// <exception cref="ProxyConfigException">An unsupported type, a bad value, or <c>type: redis</c> without a Redis connection.</exception>
    public static IServiceCollection AddResponseCache(this IServiceCollection services, ProxyConfig config, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        var settings = CacheSettings.From(config, environment ?? Environment.GetEnvironmentVariable);
        if (settings is null)
        {
            return services.AddOffResponseCache();
        }

        if (settings.Backend == CacheBackend.Redis && !services.Any(d => d.ServiceType.FullName == MultiplexerType))
        {
            throw new ProxyConfigException(
                "litellm_settings.cache_params.type is redis but the proxy has no Redis: set REDIS_URL, REDIS_HOST (with REDIS_PORT and REDIS_PASSWORD) or ConnectionStrings__cache.");
        }

        services.TryAddSingleton(sp => new ResponseCache(settings,
            settings.Backend == CacheBackend.Redis ? RedisStores.Create(sp) : new MemoryCacheStore(settings, sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ResponseCache>>()));
        return services;
    }

    /// <summary>A <see cref="ResponseCache"/> that caches nothing, unless one is registered already.</summary>
    public static IServiceCollection AddOffResponseCache(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ResponseCache(null, null, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ResponseCache>>()));
        return services;
    }

    // The interface as return type (CA1859) keeps the Redis-backed class out of the caller's signature.
#pragma warning disable CA1859
    private static class RedisStores
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ICacheStore Create(IServiceProvider sp) => new RedisCacheStore(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>());
    }
#pragma warning restore CA1859
}
