namespace LiteAspire.Proxy.Providers;

/// <summary>
/// One <c>model_list</c> deployment, resolved for calling: the provider prefix split off, credentials with
/// <c>os.environ/</c> already applied, and every other <c>litellm_params</c> key kept in <see cref="Params"/>.
/// </summary>
public sealed class ResolvedDeployment
{
    /// <summary>The public <c>model_name</c> clients asked for (the model group).</summary>
    public required string ModelGroup { get; init; }

    /// <summary>The deployment id (<c>model_info.id</c>, or a stable hash of its params); sent as <c>x-litellm-model-id</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Provider prefix as LiteLLM names it: <c>openai</c>, <c>azure</c>, <c>anthropic</c>, <c>gemini</c>, <c>vertex_ai</c>, <c>bedrock</c>, <c>cohere</c>, <c>ollama</c>, <c>groq</c>...</summary>
    public required string Provider { get; init; }

    /// <summary>The model name the provider knows: <c>litellm_params.model</c> without the provider prefix.</summary>
    public required string UpstreamModel { get; init; }

    /// <summary><c>api_base</c>, or null for the provider's default.</summary>
    public string? ApiBase { get; init; }

    /// <summary><c>api_key</c>, or null to use the provider's environment variable. A secret: never log it.</summary>
    public string? ApiKey { get; init; }

    /// <summary><c>api_version</c> (Azure).</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Request timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Every other <c>litellm_params</c> key (<c>aws_region_name</c>, <c>vertex_project</c>, <c>temperature</c> defaults...), as read from YAML.</summary>
    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();

    /// <summary><c>model_info</c>, free-form.</summary>
    public IReadOnlyDictionary<string, object?> ModelInfo { get; init; } = new Dictionary<string, object?>();

    /// <summary>A string param, or null.</summary>
    public string? GetString(string key) => Params.TryGetValue(key, out var value) ? value?.ToString() : null;
}
