namespace LiteAspire.Proxy.Caching;

/// <summary>
/// The <c>local</c> cache: least recently used entries go first once <see cref="CacheSettings.MaxEntries"/> is reached, an
/// entry larger than <see cref="CacheSettings.MaxItemBytes"/> is not kept, and an entry without a ttl lives 600 s (LiteLLM's
/// in-memory default).
/// </summary>
public sealed class MemoryCacheStore(CacheSettings settings, TimeProvider time) : ICacheStore
{
    private readonly Dictionary<string, LinkedListNode<Slot>> _slots = new(StringComparer.Ordinal);
    private readonly LinkedList<Slot> _recency = new();
    private readonly Lock _lock = new();

    /// <summary>Entries held now (expired ones included until touched or pushed out).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _slots.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_slots.TryGetValue(key, out var node))
            {
                return ValueTask.FromResult<byte[]?>(null);
            }

            if (node.Value.Expires <= now)
            {
                Remove(node);
                return ValueTask.FromResult<byte[]?>(null);
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return ValueTask.FromResult<byte[]?>(node.Value.Value);
        }
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(string key, byte[] value, TimeSpan? ttl)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (settings.MaxEntries == 0 || value.LongLength > settings.MaxItemBytes)
        {
            return ValueTask.CompletedTask;
        }

        var slot = new Slot(key, value, time.GetUtcNow() + (ttl ?? TimeSpan.FromSeconds(CacheSettings.DefaultMemoryTtlSeconds)));
        lock (_lock)
        {
            if (_slots.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            while (_slots.Count >= settings.MaxEntries && _recency.Last is { } oldest)
            {
                Remove(oldest);
            }

            _slots[key] = _recency.AddFirst(slot);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DeleteAsync(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (_slots.TryGetValue(key, out var node))
                {
                    Remove(node);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask FlushAsync()
    {
        lock (_lock)
        {
            _slots.Clear();
            _recency.Clear();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask PingAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private void Remove(LinkedListNode<Slot> node)
    {
        _recency.Remove(node);
        _slots.Remove(node.Value.Key);
    }

    private sealed record Slot(string Key, byte[] Value, DateTimeOffset Expires);
}
