namespace LiteAspire.Proxy.Configuration;

/// <summary>A deployment's <c>litellm_params</c>: how to call the provider, with every key we do not type kept in <see cref="Extra"/>.</summary>
public sealed class LiteLLMParams
{
    /// <summary><c>model</c>: "provider/provider-model", e.g. <c>openai/gpt-4o</c>.</summary>
    public required string Model { get; init; }

    /// <summary><c>api_base</c>: the provider endpoint, when not the provider's default.</summary>
    public string? ApiBase { get; init; }

    /// <summary><c>api_key</c>: the provider credential (a secret: never log it).</summary>
    public string? ApiKey { get; init; }

    /// <summary><c>api_version</c> (Azure).</summary>
    public string? ApiVersion { get; init; }

    /// <summary><c>rpm</c>: requests per minute this deployment allows.</summary>
    public long? Rpm { get; init; }

    /// <summary><c>tpm</c>: tokens per minute this deployment allows.</summary>
    public long? Tpm { get; init; }

    /// <summary><c>timeout</c> in seconds.</summary>
    public double? Timeout { get; init; }

    /// <summary><c>weight</c>: relative pick weight in simple-shuffle routing.</summary>
    public double? Weight { get; init; }

    /// <summary><c>order</c>: priority tier, lower is tried first.</summary>
    public long? Order { get; init; }

    /// <summary>Every other key (<c>aws_region_name</c>, <c>temperature</c>, <c>max_retries</c>, ...), values as read from YAML.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = ConfigValues.EmptyMap;
}
