using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>A deployment in the routing snapshot: what to call, plus the routing facts the strategies and filters weigh.</summary>
/// <param name="Deployment">The resolved deployment (for wildcard entries, resolved again per request with the matched name).</param>
/// <param name="Source">The <c>model_list</c> entry it came from.</param>
/// <param name="Order">The priority tier; lower is tried first.</param>
/// <param name="Weight">The relative pick weight (weight, else rpm, else tpm, else 1).</param>
public sealed record DeploymentEntry(ResolvedDeployment Deployment, ModelDeployment Source, long Order, double Weight)
{
    /// <summary>The deployment id (state, cooldowns and usage are kept per id).</summary>
    public string Id => Deployment.Id;

    /// <summary><c>rpm</c>: requests a minute this deployment takes.</summary>
    public long? Rpm { get; } = Source.LiteLLMParams.Rpm ?? IntegerOf(Source.ModelInfo, "rpm");

    /// <summary><c>tpm</c>: tokens a minute this deployment takes.</summary>
    public long? Tpm { get; } = Source.LiteLLMParams.Tpm ?? IntegerOf(Source.ModelInfo, "tpm");

    /// <summary><c>max_parallel_requests</c>: in-flight calls this deployment takes.</summary>
    public long? MaxParallelRequests { get; } = IntegerOf(Source.LiteLLMParams.Extra, "max_parallel_requests");

    /// <summary><c>model_info.max_input_tokens</c>, when given (else the price table's is used).</summary>
    public long? MaxInputTokens { get; } = IntegerOf(Source.ModelInfo, "max_input_tokens");

    /// <summary><c>litellm_params.tags</c>: the request tags this deployment serves with <c>enable_tag_filtering</c> (<c>default</c>: untagged requests too).</summary>
    public IReadOnlyList<string> Tags { get; } = Source.LiteLLMParams.Extra.GetValueOrDefault("tags") is IEnumerable<object?> tags
        ? [.. tags.Select(tag => tag?.ToString()).OfType<string>()]
        : [];

    /// <summary>The deployment's own <c>allowed_fails</c> (<c>model_info</c>, then <c>litellm_params</c>).</summary>
    public long? AllowedFails { get; } = IntegerOf(Source.ModelInfo, "allowed_fails") ?? IntegerOf(Source.LiteLLMParams.Extra, "allowed_fails");

    /// <summary>The deployment's own <c>cooldown_time</c>.</summary>
    public TimeSpan? CooldownTime { get; } = SecondsOf(Source.ModelInfo, "cooldown_time") ?? SecondsOf(Source.LiteLLMParams.Extra, "cooldown_time");

    /// <summary><c>litellm_params.stream_timeout</c>.</summary>
    public TimeSpan? StreamTimeout { get; } = SecondsOf(Source.LiteLLMParams.Extra, "stream_timeout");

    private static long? IntegerOf(IReadOnlyDictionary<string, object?> values, string key) =>
        ConfigValues.NumberOf(values.GetValueOrDefault(key)) is { } number and >= 0 ? (long)number : null;

    private static TimeSpan? SecondsOf(IReadOnlyDictionary<string, object?> values, string key) =>
        ConfigValues.NumberOf(values.GetValueOrDefault(key)) is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : null;
}
