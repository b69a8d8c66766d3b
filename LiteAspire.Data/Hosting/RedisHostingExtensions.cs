using LiteAspire.Data;
using LiteAspire.Data.Hosting;
using LiteAspire.Data.Redis;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers Redis: a lazily connecting <see cref="IConnectionMultiplexer"/>, a "redis" readiness check and <see cref="RedisStatus"/>.</summary>
public static class RedisHostingExtensions
{
    /// <summary>Name of the readiness health check (not tagged live).</summary>
    public const string HealthCheckName = "redis";

    /// <summary>
    /// Resolves Redis (<c>ConnectionStrings:cache</c>, <c>REDIS_URL</c>, <c>REDIS_HOST</c>/<c>REDIS_PORT</c>/<c>REDIS_PASSWORD</c>/<c>REDIS_SSL</c>)
    /// and registers the multiplexer (connected on first use, never aborting when Redis is down) and the <see cref="RedisConnection"/>.
    /// With none configured, registers neither and logs one line saying the in-process cache and queue are used;
    /// <see cref="RedisStatus"/> is always registered.
    /// </summary>
    /// <exception cref="StartupConfigurationException">A configured value cannot be understood.</exception>
    public static TBuilder AddLiteLLMRedis<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connection = RedisConnectionResolver.Resolve(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(sp => new RedisStatus(connection, sp));

        if (connection is null)
        {
            services.AddStartupLog(DatabaseHostingExtensions.LogCategory, LogLevel.Information,
                "No Redis configured (ConnectionStrings:cache, REDIS_URL, REDIS_HOST): using the in-process cache and queue.");
            return builder;
        }

        AddMultiplexer(services, connection);
        services.AddStartupLog(DatabaseHostingExtensions.LogCategory, LogLevel.Information,
            $"Redis: {connection.Describe()} (from {connection.Source}).");
        return builder;
    }

    // Its own method so that a proxy without Redis never loads StackExchange.Redis (the JIT resolves every type a method names).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddMultiplexer(IServiceCollection services, RedisConnection connection)
    {
        services.AddSingleton(connection);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(connection.Options));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(HealthCheckName);
    }
}
