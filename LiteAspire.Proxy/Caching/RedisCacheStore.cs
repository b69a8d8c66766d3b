using System.Text.RegularExpressions;

using StackExchange.Redis;

namespace LiteAspire.Proxy.Caching;

/// <summary>
/// The <c>redis</c> cache on the proxy's Redis: <c>SET key value EX ttl</c> and <c>GET key</c>, so every replica (and a
/// LiteLLM proxy on the same Redis) sees the same entries. Failures are thrown; <see cref="ResponseCache"/> turns them into misses.
/// </summary>
public sealed partial class RedisCacheStore(IConnectionMultiplexer redis) : ICacheStore
{
    private const string PingKey = "litellm-cache-health-check";

    /// <inheritdoc/>
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(key).WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : (byte[]?)value;
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(string key, byte[] value, TimeSpan? ttl)
    {
        var database = redis.GetDatabase();
        await (ttl is { } lifetime ? database.StringSetAsync(key, value, lifetime) : database.StringSetAsync(key, value)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DeleteAsync(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count > 0)
        {
            await redis.GetDatabase().KeyDeleteAsync([.. keys.Select(k => (RedisKey)k)]).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes the response-cache entries only: keys shaped like ours (<c>[namespace:]sha256hex</c>) whose value is an entry.
    /// LiteLLM's FLUSHALL would also wipe the spend queue and the rate-limit counters the replicas share.
    /// </summary>
    public async ValueTask FlushAsync()
    {
        var database = redis.GetDatabase();
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }

            await foreach (var key in server.KeysAsync(database.Database, pageSize: 500).ConfigureAwait(false))
            {
                if (KeyShape().IsMatch(key.ToString()) && await database.StringGetAsync(key).ConfigureAwait(false) is { IsNull: false } value
                    && CacheEntry.IsEntry(value!))
                {
                    await database.KeyDeleteAsync(key).ConfigureAwait(false);
                }
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask PingAsync(CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        await database.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await database.StringSetAsync(PingKey, "Cache is healthy", TimeSpan.FromSeconds(60)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^(.+:)?[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();
}
