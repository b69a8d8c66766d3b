namespace LiteAspire.Proxy.Limits;

/// <summary>
/// An admitted request's hold on its limits. Complete it once the call is over, with the tokens to count
/// (0 on failure): that counts the tokens and frees the parallel slots. Disposing without completing frees the slots.
/// </summary>
public abstract class RateLimitLease : IAsyncDisposable
{
    private readonly RateLimitUsage[] _usages;
    private int _completed;

    private protected RateLimitLease(RateLimitUsage[] usages, DateTimeOffset acquiredAt)
    {
        _usages = usages;
        AcquiredAt = acquiredAt;
    }

    /// <summary>A lease for a request without descriptors: nothing to count, no headers.</summary>
    public static RateLimitLease None { get; } = new NoLease();

    /// <summary>Each descriptor's counts after admitting this request, in the order they were given.</summary>
    public IReadOnlyList<RateLimitUsage> Usages => _usages;

    /// <summary>When the request was admitted.</summary>
    public DateTimeOffset AcquiredAt { get; }

    /// <summary>Counts <paramref name="tokens"/> against every descriptor's tpm and frees the parallel slots; later calls do nothing.</summary>
    /// <remarks>Never throws for the store: when it cannot be reached the tokens are lost and the slots time out.</remarks>
    public ValueTask CompleteAsync(long tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        return Interlocked.Exchange(ref _completed, 1) == 0 ? ReleaseAsync(tokens) : ValueTask.CompletedTask;
    }

    /// <summary>Frees the parallel slots unless <see cref="CompleteAsync"/> already ran.</summary>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return CompleteAsync(0);
    }

    /// <summary>Adds the <c>x-ratelimit-*</c> headers LiteLLM sends on an admitted request.</summary>
    public void AddHeaders(IHeaderDictionary headers) => RateLimitHeaders.Add(_usages, AcquiredAt, headers);

    /// <summary>Gives back what the lease holds; called at most once.</summary>
    private protected abstract ValueTask ReleaseAsync(long tokens);

    private sealed class NoLease() : RateLimitLease([], DateTimeOffset.MinValue)
    {
        private protected override ValueTask ReleaseAsync(long tokens) => ValueTask.CompletedTask;
    }
}
