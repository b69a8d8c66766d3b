namespace LiteAspire.Proxy.Providers;

/// <summary>
/// A provider failure as LiteLLM reports it: the status the client gets, the OpenAI error <c>type</c>, and LiteLLM's
/// exception class (<c>litellm.RateLimitError: AnthropicException - ...</c>).
/// </summary>
public sealed class ProviderException : Exception
{
    /// <summary>Creates the exception; <see cref="Exception.Message"/> becomes LiteLLM's full message.</summary>
    public ProviderException(LiteLLMErrorKind kind, string provider, string upstreamMessage, int? upstreamStatus = null, string? param = null)
        : base($"litellm.{kind}: {ProviderDisplayName(provider)}Exception - {upstreamMessage}")
    {
        Kind = kind;
        Provider = provider;
        UpstreamMessage = upstreamMessage;
        UpstreamStatus = upstreamStatus;
        Param = param;
    }

    /// <summary>For analyzers; use the other constructor.</summary>
    public ProviderException() : this(LiteLLMErrorKind.APIError, "unknown", "unknown error") { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public ProviderException(string message) : this(LiteLLMErrorKind.APIError, "unknown", message) { }

    /// <summary>For analyzers; use the other constructor.</summary>
    public ProviderException(string message, Exception innerException) : base(message, innerException)
    {
        Kind = LiteLLMErrorKind.APIConnectionError;
        Provider = "unknown";
        UpstreamMessage = message;
    }

    /// <summary>LiteLLM's exception class.</summary>
    public LiteLLMErrorKind Kind { get; }

    /// <summary>Provider prefix (<c>anthropic</c>).</summary>
    public string Provider { get; }

    /// <summary>What the provider said.</summary>
    public string UpstreamMessage { get; }

    /// <summary>The provider's HTTP status, when there was one.</summary>
    public int? UpstreamStatus { get; }

    /// <summary>The request parameter at fault, when known.</summary>
    public string? Param { get; }

    /// <summary>How long the provider asked to wait (<c>retry-after</c> / <c>retry-after-ms</c>), when it said; retries and cooldowns honour it.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>The status the client gets.</summary>
    public int StatusCode => LiteLLMErrors.StatusCode(Kind, UpstreamStatus);

    /// <summary>The OpenAI error <c>type</c> the client gets.</summary>
    public string ErrorType => LiteLLMErrors.ErrorType(Kind);

    /// <summary>"anthropic" → "Anthropic", "vertex_ai" → "VertexAI", as in LiteLLM's messages.</summary>
    public static string ProviderDisplayName(string provider) => provider switch
    {
        "openai" => "OpenAI",
        "azure" => "Azure",
        "vertex_ai" => "VertexAI",
        "bedrock" => "Bedrock",
        "together_ai" => "TogetherAI",
        "fireworks_ai" => "FireworksAI",
        "xai" => "XAI",
        _ => string.Concat(provider.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..])),
    };
}
