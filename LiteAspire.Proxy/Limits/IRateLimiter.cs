namespace LiteAspire.Proxy.Limits;

/// <summary>LiteLLM's v3 rate limiter: fixed-window rpm and tpm, and parallel requests, per descriptor.</summary>
public interface IRateLimiter
{
    /// <summary>
    /// Admits a request against every descriptor at once, or against none: each descriptor's window is started afresh when
    /// it has ended, then requests &lt; rpm, tokens &lt; tpm and in-flight &lt; max parallel are checked for all of them, and
    /// only when all pass is the request counted and a parallel slot taken on each. A refused request counts nowhere.
    /// </summary>
    /// <param name="descriptors">What the request is counted against; the list is not kept.</param>
    /// <param name="cancellationToken">Checked before counting; a started count is not abandoned halfway.</param>
    /// <returns>The lease to complete when the call is over.</returns>
    /// <exception cref="RateLimitExceededException">A limit is reached (429): the first descriptor, in order, that refuses.</exception>
    ValueTask<RateLimitLease> AcquireAsync(IReadOnlyList<RateLimitDescriptor> descriptors, CancellationToken cancellationToken);
}
