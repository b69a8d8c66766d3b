namespace LiteAspire.Proxy.Routing;

/// <summary>
/// How long to wait before retrying the same deployment (LiteLLM's <c>_calculate_retry_after</c>): the provider's
/// <c>retry-after</c> when 0 &lt; it ≤ 60 s, else 0.5 s × 2^n capped at 8 s with jitter, never under <c>retry_after</c>.
/// </summary>
public static class RetryDelay
{
    /// <summary>LiteLLM's <c>INITIAL_RETRY_DELAY</c>.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(0.5);

    /// <summary>LiteLLM's <c>MAX_RETRY_DELAY</c>.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(8);

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first).</summary>
    public static TimeSpan Before(int retry, TimeSpan? providerRetryAfter, TimeSpan minimum)
    {
        if (providerRetryAfter is { } asked && asked > TimeSpan.Zero && asked <= TimeSpan.FromSeconds(60))
        {
            return asked > minimum ? asked : minimum;
        }

        var exponential = Math.Min(Max.TotalSeconds, Initial.TotalSeconds * Math.Pow(2, retry));
        // LiteLLM's jitter: between 75 % and 100 % of the exponential wait.
        var jittered = exponential * (1 - (0.25 * RoutingRandom.NextDouble()));
        var wait = TimeSpan.FromSeconds(jittered);
        return wait > minimum ? wait : minimum;
    }
}
