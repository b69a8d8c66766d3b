using System.Runtime.CompilerServices;

using LiteAspire.Data.Redis;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Limits;

namespace LiteAspire.Proxy.Replicas;

/// <summary>
/// Chooses between what replicas share through Redis and its in-process counterpart: <see cref="IReplicaLink"/>, the rate
/// limiter, the live spend counters.
/// </summary>
/// <remarks>
/// Redis types are named only inside <see cref="RedisServices"/>, whose methods run when Redis is configured: a proxy without
/// Redis then never loads StackExchange.Redis (a few MiB of idle memory).
/// </remarks>
public static class ReplicaServiceExtensions
{
    /// <summary>True when Redis is configured (<c>AddLiteLLMRedis</c> found a connection).</summary>
    public static bool HasRedis(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<RedisStatus>()?.IsConfigured == true;
    }

    /// <summary>The link to the other replicas, or null on a proxy without Redis.</summary>
    public static IReplicaLink? ReplicaLink(this IServiceProvider services) => services.HasRedis() ? RedisServices.Link(services) : null;

    /// <summary>The shared rate limiter with Redis, else one counting in this process.</summary>
    public static IRateLimiter RateLimiter(this IServiceProvider services) => services.HasRedis()
        ? RedisServices.Limiter(services)
        : new InMemoryRateLimiter(services.GetRequiredService<RateLimitOptions>(), services.GetRequiredService<TimeProvider>());

    /// <summary>The live spend counters in Redis, else in this process.</summary>
    public static ILiveSpend LiveSpend(this IServiceProvider services) => services.HasRedis()
        ? RedisServices.LiveSpend(services)
        : new InMemoryLiveSpend(services.GetRequiredService<TimeProvider>());

    // The interfaces as return types (CA1859) keep the Redis-backed classes out of the callers' signatures.
#pragma warning disable CA1859
    private static class RedisServices
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static IRateLimiter Limiter(IServiceProvider sp) => new RedisRateLimiter(Multiplexer(sp), sp.GetRequiredService<RateLimitOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisRateLimiter>>());

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ILiveSpend LiveSpend(IServiceProvider sp) =>
            new RedisLiveSpend(Multiplexer(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisLiveSpend>>());

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static IReplicaLink Link(IServiceProvider sp) => new RedisReplicaLink(Multiplexer(sp));

        private static StackExchange.Redis.IConnectionMultiplexer Multiplexer(IServiceProvider sp) =>
            sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();
    }
#pragma warning restore CA1859
}
