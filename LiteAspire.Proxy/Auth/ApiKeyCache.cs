using System.Text.Json;

using LiteAspire.Proxy.Replicas;

namespace LiteAspire.Proxy.Auth;

/// <summary>
/// Keys looked up by token: in memory (TTL <c>user_api_key_cache_ttl</c>, 60 s by default), then Redis (shared by every
/// replica, same TTL), then the <see cref="IApiKeyStore"/>. A change to a key, or to the team, user or organization behind
/// it, calls <see cref="InvalidateAsync"/>: the Redis entry is deleted and every replica drops its memory entry through a
/// Redis channel, so an update, block or delete takes effect at once everywhere, not after the TTL (LiteLLM's #9820).
/// </summary>
public sealed class ApiKeyCache : IDisposable
{
    /// <summary>The channel carrying invalidated tokens between replicas.</summary>
    public const string InvalidationChannel = "litellm:auth:invalidate";

    private const string RedisKeyPrefix = "litellm:auth:";

    private readonly ReplicaMemoryCache<ApiKeyAuth> _memory;
    private readonly IApiKeyStore? _store;
    private readonly IReplicaLink? _replicas;
    private readonly TimeSpan _ttl;
    private readonly ILogger<ApiKeyCache> _logger;

    /// <summary>
    /// Creates the cache; <paramref name="store"/> is null without a database (then no virtual key exists) and
    /// <paramref name="replicas"/> is null when the proxy runs without Redis.
    /// </summary>
    public ApiKeyCache(IApiKeyStore? store, TimeProvider time, AuthSettings settings, ILogger<ApiKeyCache> logger, IReplicaLink? replicas = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _store = store;
        _ttl = settings.KeyCacheTtl;
        _logger = logger;
        _replicas = replicas;
        _memory = new ReplicaMemoryCache<ApiKeyAuth>(InvalidationChannel, "key", _ttl, time, logger, replicas);
    }

    /// <summary>The key for <paramref name="token"/>, or null when none exists.</summary>
    /// <exception cref="DatabaseUnavailableException">Neither cache has it and the database cannot be reached.</exception>
    public async ValueTask<ApiKeyAuth?> GetAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_store is null)
        {
            return null;
        }

        if (_memory.TryGet(token, out var cached) && cached is not null)
        {
            return cached;
        }

        var found = await ReadRedisAsync(token).ConfigureAwait(false);
        if (found is null)
        {
            found = await _store.FindAsync(token, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                // Misses are not cached: a key just generated on another replica must work at once.
                return null;
            }

            await WriteRedisAsync(token, found).ConfigureAwait(false);
        }

        _memory.Set(token, found);
        return found;
    }

    /// <summary>Forgets <paramref name="tokens"/> here, in Redis, and on every other replica.</summary>
    public async Task InvalidateAsync(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var token in tokens)
        {
            if (_replicas is not null)
            {
                try
                {
                    await _replicas.DeleteAsync(RedisKeyPrefix + token).ConfigureAwait(false);
                }
                catch (ReplicaLinkException e)
                {
                    _logger.LogWarning("Could not delete a cached key in Redis ({Error}); replicas may read it back until its TTL.", e.Message);
                }
            }

            await _memory.InvalidateAsync([token]).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets every cached key on every replica (used when a change touches keys that cannot be listed cheaply).</summary>
    public Task InvalidateAllAsync() => _memory.InvalidateAsync([ReplicaMemoryCache<ApiKeyAuth>.All]);

    /// <inheritdoc />
    public void Dispose() => _memory.Dispose();

    private async Task<ApiKeyAuth?> ReadRedisAsync(string token)
    {
        if (_replicas is null)
        {
            return null;
        }

        try
        {
            var value = await _replicas.GetStringAsync(RedisKeyPrefix + token).ConfigureAwait(false);
            return value is null ? null : JsonSerializer.Deserialize(value, AuthJsonContext.Default.ApiKeyAuth);
        }
        catch (Exception e) when (e is ReplicaLinkException or JsonException)
        {
            _logger.LogDebug("Redis key cache read failed ({Error}); using the database.", e.Message);
            return null;
        }
    }

    private async Task WriteRedisAsync(string token, ApiKeyAuth value)
    {
        if (_replicas is null)
        {
            return;
        }

        try
        {
            var json = JsonSerializer.Serialize(value, AuthJsonContext.Default.ApiKeyAuth);
            await _replicas.SetStringAsync(RedisKeyPrefix + token, json, _ttl).ConfigureAwait(false);
        }
        catch (ReplicaLinkException e)
        {
            _logger.LogDebug("Redis key cache write failed ({Error}).", e.Message);
        }
    }
}
