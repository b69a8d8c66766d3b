namespace LiteAspire.Proxy.Limits;

/// <summary>Which limit refused a request.</summary>
public enum RateLimitType
{
    /// <summary>Requests per window (rpm).</summary>
    Requests,

    /// <summary>Tokens per window (tpm).</summary>
    Tokens,

    /// <summary>Requests in flight at once.</summary>
    MaxParallelRequests,
}

/// <summary>LiteLLM's names for <see cref="RateLimitType"/>, as they appear in messages, headers and Redis keys.</summary>
public static class RateLimitTypeNames
{
    /// <summary><c>requests</c>, <c>tokens</c> or <c>max_parallel_requests</c>.</summary>
    public static string ToWireName(this RateLimitType type) => type switch
    {
        RateLimitType.Requests => "requests",
        RateLimitType.Tokens => "tokens",
        RateLimitType.MaxParallelRequests => "max_parallel_requests",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
