using StackExchange.Redis;

namespace LiteAspire.Proxy.Replicas;

/// <summary><see cref="IReplicaLink"/> on Redis: pub/sub channels and string keys of the shared multiplexer.</summary>
public sealed class RedisReplicaLink(IConnectionMultiplexer redis) : IReplicaLink
{
    /// <inheritdoc />
    public void Subscribe(string channel, Action<string> onMessage)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        try
        {
            redis.GetSubscriber().Subscribe(RedisChannel.Literal(channel), (_, message) => onMessage((string?)message ?? ""));
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw Wrap(e);
        }
    }

    /// <inheritdoc />
    public void Unsubscribe(string channel)
    {
        try
        {
            redis.GetSubscriber().Unsubscribe(RedisChannel.Literal(channel));
        }
        catch (Exception e) when (IsUnreachable(e) || e is ObjectDisposedException)
        {
            // Shutting down with Redis gone or the multiplexer disposed first: nothing left to stop.
        }
    }

    /// <inheritdoc />
    public async Task PublishAsync(string channel, string message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), message).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw Wrap(e);
        }
    }

    /// <inheritdoc />
    public async Task<string?> GetStringAsync(string key)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(key).ConfigureAwait(false);
            return value.IsNullOrEmpty ? null : value.ToString();
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw Wrap(e);
        }
    }

    /// <inheritdoc />
    public async Task SetStringAsync(string key, string value, TimeSpan ttl)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(key, value, ttl).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw Wrap(e);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(key).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw Wrap(e);
        }
    }

    private static bool IsUnreachable(Exception e) => e is RedisException or TimeoutException;

    private static ReplicaLinkException Wrap(Exception e) => new(e.Message, e);
}
