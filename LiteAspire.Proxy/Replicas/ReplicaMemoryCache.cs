using System.Collections.Concurrent;

namespace LiteAspire.Proxy.Replicas;

/// <summary>
/// Values kept in this replica's memory for a TTL, and dropped on every replica at once when one of them announces a change
/// on <see cref="Channel"/> (through <see cref="IReplicaLink"/>; without Redis only here). A null value remembers that there
/// is none, so unknown names cost no lookup either. Past <c>maxEntries</c> the cache starts again rather than grow.
/// </summary>
/// <typeparam name="TValue">What is cached.</typeparam>
public sealed class ReplicaMemoryCache<TValue> : IDisposable
    where TValue : class
{
    /// <summary>The message that drops every entry.</summary>
    public const string All = "*";

    private readonly ConcurrentDictionary<string, Entry> _memory = new(StringComparer.Ordinal);
    private readonly IReplicaLink? _replicas;
    private readonly TimeProvider _time;
    private readonly long _ttlTicks;
    private readonly int _maxEntries;
    private readonly string _what;
    private readonly ILogger _logger;
    private int _subscribed;

    /// <summary>Creates the cache; <paramref name="what"/> names the entries in log lines (e.g. "customer").</summary>
    public ReplicaMemoryCache(string channel, string what, TimeSpan ttl, TimeProvider time, ILogger logger, IReplicaLink? replicas,
        int maxEntries = 100_000)
    {
        ArgumentNullException.ThrowIfNull(time);
        Channel = channel;
        _what = what;
        _time = time;
        _ttlTicks = (long)(ttl.TotalSeconds * time.TimestampFrequency);
        _logger = logger;
        _replicas = replicas;
        _maxEntries = maxEntries;
    }

    /// <summary>The channel carrying changed names between replicas.</summary>
    public string Channel { get; }

    /// <summary>True with the cached value (null: known to be absent) while its entry is fresh.</summary>
    public bool TryGet(string key, out TValue? value)
    {
        if (_memory.TryGetValue(key, out var entry) && _time.GetTimestamp() < entry.ExpiresAt)
        {
            value = entry.Value;
            return true;
        }

        // Listening before the caller loads the value, so a change announced meanwhile is not missed.
        EnsureSubscribed();
        value = null;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> (null: absent) for the TTL.</summary>
    public void Set(string key, TValue? value)
    {
        if (_memory.Count >= _maxEntries)
        {
            _memory.Clear();
        }

        _memory[key] = new Entry(value, _time.GetTimestamp() + _ttlTicks);
    }

    /// <summary>Forgets <paramref name="keys"/> here and on every other replica (<see cref="All"/> forgets everything).</summary>
    public async Task InvalidateAsync(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            Drop(key);
            if (_replicas is null)
            {
                continue;
            }

            try
            {
                await _replicas.PublishAsync(Channel, key).ConfigureAwait(false);
            }
            catch (ReplicaLinkException e)
            {
                _logger.LogWarning("Could not announce a {What} change ({Error}); other replicas keep theirs until its TTL.", _what, e.Message);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Volatile.Read(ref _subscribed) == 1)
        {
            _replicas?.Unsubscribe(Channel);
        }
    }

    private void Drop(string key)
    {
        if (key == All)
        {
            _memory.Clear();
        }
        else
        {
            _memory.TryRemove(key, out _);
        }
    }

    private void EnsureSubscribed()
    {
        if (_replicas is null || Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }

        try
        {
            _replicas.Subscribe(Channel, Drop);
        }
        catch (ReplicaLinkException e)
        {
            _subscribed = 0;
            _logger.LogWarning("Could not subscribe to {What} invalidations ({Error}); will retry.", _what, e.Message);
        }
    }

    private readonly record struct Entry(TValue? Value, long ExpiresAt);
}
