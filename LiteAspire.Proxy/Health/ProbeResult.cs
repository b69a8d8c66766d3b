namespace LiteAspire.Proxy.Health;

/// <summary>The verdict of one deployment's health check.</summary>
public enum ProbeStatus
{
    /// <summary>The upstream answered the check call.</summary>
    Healthy,

    /// <summary>The check call failed or timed out.</summary>
    Unhealthy,

    /// <summary>LiteAspire cannot check this deployment's mode: listed as unhealthy with the reason, but never marked down.</summary>
    NotCheckable,
}

/// <summary>What one deployment's health check found.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Error">Why it is not healthy, free of the deployment's credentials; null when healthy.</param>
/// <param name="Elapsed">How long the check took.</param>
/// <param name="RateLimits">The upstream's <c>x-ratelimit-remaining-*</c> headers, which LiteLLM lists with a healthy endpoint.</param>
public sealed record ProbeResult(ProbeStatus Status, string? Error, TimeSpan Elapsed, IReadOnlyDictionary<string, string> RateLimits);
