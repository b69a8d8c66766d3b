namespace LiteAspire.Proxy.Caching;

/// <summary>Where cached responses are kept: serialized entries by key, each with its own lifetime.</summary>
public interface ICacheStore
{
    /// <summary>The entry under <paramref name="key"/>, or null.</summary>
    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> for <paramref name="ttl"/> (null: the store's default).</summary>
    ValueTask SetAsync(string key, byte[] value, TimeSpan? ttl);

    /// <summary>Removes the entries under <paramref name="keys"/>.</summary>
    ValueTask DeleteAsync(IReadOnlyList<string> keys);

    /// <summary>Removes every response-cache entry (and nothing else the backend holds).</summary>
    ValueTask FlushAsync();

    /// <summary>Checks the backend answers: a write and a read round trip.</summary>
    ValueTask PingAsync(CancellationToken cancellationToken);
}
