namespace LiteAspire.Proxy.Configuration;

/// <summary>One <c>model_list</c> entry: a deployment; entries sharing a <see cref="ModelName"/> form a model group.</summary>
public sealed class ModelDeployment
{
    /// <summary><c>model_name</c>: the public alias clients send as <c>model</c>.</summary>
    public required string ModelName { get; init; }

    /// <summary><c>litellm_params</c>: how to call the provider.</summary>
    public required LiteLLMParams LiteLLMParams { get; init; }

    /// <summary><c>model_info</c>: free-form metadata (<c>id</c>, <c>mode</c>, <c>base_model</c>, costs, ...).</summary>
    public IReadOnlyDictionary<string, object?> ModelInfo { get; init; } = ConfigValues.EmptyMap;
}
