using System.Collections.Concurrent;

namespace LiteAspire.FakeProvider;

/// <summary>How many requests reached the fake, in all and per path, so a test can tell whether a call went upstream.</summary>
public sealed class FakeRequestCounter
{
    private readonly ConcurrentDictionary<string, int> _byPath = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>Every request so far.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Requests to <paramref name="path"/> (e.g. <c>/v1/chat/completions</c>) so far.</summary>
    public int To(string path) => _byPath.TryGetValue(path, out var count) ? count : 0;

    /// <summary>Counts one request to <paramref name="path"/>.</summary>
    public void Add(string path)
    {
        Interlocked.Increment(ref _total);
        _byPath.AddOrUpdate(path, 1, static (_, count) => count + 1);
    }
}
