using Microsoft.Extensions.DependencyInjection;

using StackExchange.Redis;

namespace LiteAspire.Data.Redis;

/// <summary>Answers "is Redis configured, and does it answer?" for readiness endpoints and status pages.</summary>
/// <param name="connection">The resolved connection, or null when the in-process fallback is used.</param>
/// <param name="services">Resolves the multiplexer only when asked, so asking never forces a connection at start.</param>
public sealed class RedisStatus(RedisConnection? connection, IServiceProvider services)
{
    /// <summary>The connection in use, or null.</summary>
    public RedisConnection? Connection => connection;

    /// <summary>True when Redis is configured; false means the in-process cache and queue are used.</summary>
    public bool IsConfigured => connection is not null;

    /// <summary>True when Redis is configured, connected, and answers PING.</summary>
    public async Task<bool> IsConnectedAsync(CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            return false;
        }

        var multiplexer = services.GetRequiredService<IConnectionMultiplexer>();
        if (!multiplexer.IsConnected)
        {
            return false;
        }

        try
        {
            await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }
}
