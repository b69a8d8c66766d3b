using System.Globalization;

using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Routing;

/// <summary>LiteLLM's 429 when every deployment of a group is cooling down or at its limits: try again in <see cref="RetryAfter"/>.</summary>
public sealed class NoDeploymentsAvailableException : GatewayException
{
    /// <summary>Creates the error for <paramref name="modelGroup"/>.</summary>
    public NoDeploymentsAvailableException(string modelGroup, TimeSpan retryAfter, string why)
        : base(429, $"No deployments available for selected model, Try again in {Seconds(retryAfter)} seconds. Passed model={modelGroup}. {why}",
            "rate_limit_error")
    {
        ModelGroup = modelGroup;
        RetryAfter = retryAfter;
    }

    /// <summary>For analyzers; use the other constructor.</summary>
    public NoDeploymentsAvailableException() : this("unknown", TimeSpan.FromSeconds(1), "") { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public NoDeploymentsAvailableException(string message) : this(message, TimeSpan.FromSeconds(1), "") { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public NoDeploymentsAvailableException(string message, Exception innerException) : base(message, innerException) => ModelGroup = "unknown";

    /// <summary>The group without a deployment to call.</summary>
    public string ModelGroup { get; }

    /// <summary>When the first deployment comes back.</summary>
    public TimeSpan RetryAfter { get; }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> ResponseHeaders => [new("retry-after", Seconds(RetryAfter))];

    private static string Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
