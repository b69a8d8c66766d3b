namespace LiteAspire.Proxy.Caching;

/// <summary>One request's place in the response cache: its key (or, for embeddings, one key per input) and its controls.</summary>
public sealed class CacheableCall
{
    /// <summary>A request the cache does not touch.</summary>
    public static CacheableCall Off { get; } = new() { Keys = [], Controls = CacheControls.None };

    /// <summary>The keys: one for a chat completion, one per input for embeddings; empty when not cacheable.</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>The request's controls.</summary>
    public required CacheControls Controls { get; init; }

    /// <summary>The key of a single-key call (<c>x-litellm-cache-key</c>).</summary>
    public string? Key => Keys.Count == 1 ? Keys[0] : null;

    /// <summary>Look the answer up first (not with <c>no-cache</c>).</summary>
    public bool ShouldLookUp => Keys.Count > 0 && !Controls.NoCache;

    /// <summary>Store the answer (not with <c>no-store</c>).</summary>
    public bool ShouldStore => Keys.Count > 0 && !Controls.NoStore;
}
