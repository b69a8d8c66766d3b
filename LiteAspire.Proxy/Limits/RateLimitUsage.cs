namespace LiteAspire.Proxy.Limits;

/// <summary>Where one descriptor stands after a request was admitted: the counts of its current window, this request included.</summary>
/// <param name="Descriptor">The descriptor.</param>
/// <param name="Requests">Requests counted in the window.</param>
/// <param name="Tokens">Tokens counted in the window (those of completed requests).</param>
/// <param name="Parallel">Requests in flight, this one included.</param>
/// <param name="ResetsAt">When the window ends.</param>
public readonly record struct RateLimitUsage(RateLimitDescriptor Descriptor, long Requests, long Tokens, long Parallel, DateTimeOffset ResetsAt)
{
    /// <summary>Requests left in the window, or null without an rpm limit.</summary>
    public long? RemainingRequests => Remaining(Descriptor.RpmLimit, Requests);

    /// <summary>Tokens left in the window, or null without a tpm limit.</summary>
    public long? RemainingTokens => Remaining(Descriptor.TpmLimit, Tokens);

    /// <summary>Parallel slots left, or null without a parallel limit.</summary>
    public long? RemainingParallel => Remaining(Descriptor.MaxParallelRequests, Parallel);

    private static long? Remaining(long? limit, long used) => limit is { } l ? Math.Max(0, l - used) : null;
}
