namespace LiteAspire.Proxy.Replicas;

/// <summary>
/// What proxy replicas share besides the database: channels to announce a change to every replica, and a small string
/// cache. Implemented on Redis (<see cref="RedisReplicaLink"/>); a lone replica without Redis has none (null).
/// </summary>
/// <remarks>Consumers name only this interface, so a proxy without Redis never loads StackExchange.Redis.</remarks>
public interface IReplicaLink
{
    /// <summary>Calls <paramref name="onMessage"/> for every message published on <paramref name="channel"/>, by any replica.</summary>
    /// <exception cref="ReplicaLinkException">Redis could not be reached; subscribe again later.</exception>
    void Subscribe(string channel, Action<string> onMessage);

    /// <summary>Stops the calls of <see cref="Subscribe"/> on <paramref name="channel"/>; quietly does nothing when Redis is gone.</summary>
    void Unsubscribe(string channel);

    /// <summary>Sends <paramref name="message"/> to every replica subscribed to <paramref name="channel"/>.</summary>
    /// <exception cref="ReplicaLinkException">Redis could not be reached.</exception>
    Task PublishAsync(string channel, string message);

    /// <summary>The string stored under <paramref name="key"/>, or null when there is none.</summary>
    /// <exception cref="ReplicaLinkException">Redis could not be reached.</exception>
    Task<string?> GetStringAsync(string key);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> for <paramref name="ttl"/>.</summary>
    /// <exception cref="ReplicaLinkException">Redis could not be reached.</exception>
    Task SetStringAsync(string key, string value, TimeSpan ttl);

    /// <summary>Removes <paramref name="key"/>.</summary>
    /// <exception cref="ReplicaLinkException">Redis could not be reached.</exception>
    Task DeleteAsync(string key);
}

/// <summary>The shared store could not be reached (the message says why); what was asked did not happen.</summary>
public sealed class ReplicaLinkException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReplicaLinkException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReplicaLinkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception from the store's own error.</summary>
    public ReplicaLinkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
