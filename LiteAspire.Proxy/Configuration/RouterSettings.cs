namespace LiteAspire.Proxy.Configuration;

/// <summary><c>router_settings</c>: load balancing and failover, a few keys typed and the rest in <see cref="Extra"/>.</summary>
public sealed class RouterSettings
{
    /// <summary><c>routing_strategy</c>, e.g. <c>simple-shuffle</c> (LiteLLM's default when absent).</summary>
    public string? RoutingStrategy { get; init; }

    /// <summary><c>num_retries</c>.</summary>
    public long? NumRetries { get; init; }

    /// <summary><c>timeout</c> in seconds.</summary>
    public double? Timeout { get; init; }

    /// <summary><c>allowed_fails</c> before a deployment is cooled down.</summary>
    public long? AllowedFails { get; init; }

    /// <summary><c>cooldown_time</c> in seconds.</summary>
    public double? CooldownTime { get; init; }

    /// <summary><c>model_group_alias</c>: alias → model group (values may be strings or mappings).</summary>
    public IReadOnlyDictionary<string, object?> ModelGroupAlias { get; init; } = ConfigValues.EmptyMap;

    /// <summary>Every other key (<c>fallbacks</c>, <c>redis_host</c>, <c>retry_policy</c>, ...), values as read from YAML.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = ConfigValues.EmptyMap;
}
