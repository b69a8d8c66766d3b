using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>Google AI Studio (<c>gemini/</c>): <c>generateContent</c>, <c>streamGenerateContent?alt=sse</c> and <c>batchEmbedContents</c>, keyed by <c>x-goog-api-key</c>.</summary>
public sealed class GeminiChatAdapter() : GoogleGenerativeAdapter(Provider)
{
    /// <summary>The provider prefix this adapter serves.</summary>
    public const string Provider = "gemini";

    private const string DefaultBase = "https://generativelanguage.googleapis.com/v1beta";

    /// <inheritdoc />
    public override ValueTask<HttpRequestMessage> CreateRequestAsync(ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var body = GeminiRequest.Translate(call, Provider);
        var method = call.Stream ? "streamGenerateContent?alt=sse" : "generateContent";
        var message = GoogleHttp.JsonPost($"{ModelsRoot(call.Deployment.ApiBase)}/models/{GoogleHttp.ModelName(call)}:{method}", body, call.Deployment);
        AddKey(message, call.Deployment);
        return ValueTask.FromResult(message);
    }

    /// <inheritdoc />
    public override ValueTask<HttpRequestMessage> CreateEmbeddingRequestAsync(EmbeddingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var model = EmbeddingModel(call);
        var body = GeminiEmbeddings.TranslateRequest(call, model, Provider);
        var message = GoogleHttp.JsonPost($"{ModelsRoot(call.Deployment.ApiBase)}/models/{model}:batchEmbedContents", body, call.Deployment);
        AddKey(message, call.Deployment);
        return ValueTask.FromResult(message);
    }

    /// <inheritdoc />
    public override JsonObject ReadEmbeddingResponse(JsonNode upstreamBody, EmbeddingCall call)
    {
        ArgumentNullException.ThrowIfNull(upstreamBody);
        ArgumentNullException.ThrowIfNull(call);
        return GeminiEmbeddings.TranslateResponse(upstreamBody, EmbeddingModel(call), Provider);
    }

    /// <summary>
    /// The URL up to <c>/models</c>: the public v1beta endpoint, or <c>api_base</c> (kept as-is when it already ends in a version
    /// segment such as <c>/v1beta</c>, else <c>/v1beta</c> is appended).
    /// </summary>
    public static string ModelsRoot(string? apiBase)
    {
        if (string.IsNullOrWhiteSpace(apiBase))
        {
            return DefaultBase;
        }

        var trimmed = apiBase.TrimEnd('/');
        var lastSegment = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        var isVersion = lastSegment.Length > 1 && lastSegment[0] == 'v' && char.IsAsciiDigit(lastSegment[1]);
        return isVersion ? trimmed : trimmed + "/v1beta";
    }

    private static void AddKey(HttpRequestMessage message, ResolvedDeployment deployment)
    {
        var key = deployment.ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            key = Environment.GetEnvironmentVariable("GEMINI_API_KEY");
        }

        if (string.IsNullOrEmpty(key))
        {
            key = Environment.GetEnvironmentVariable("GOOGLE_API_KEY");
        }

        if (!string.IsNullOrEmpty(key))
        {
            // A header, not ?key=, so the secret never lands in URLs that get logged.
            message.Headers.TryAddWithoutValidation("x-goog-api-key", key);
            return;
        }

        // A custom api_base (a local fake, a gateway in front of Google) may need no key.
        if (deployment.ApiBase is null)
        {
            throw new ProviderException(LiteLLMErrorKind.AuthenticationError, Provider,
                "Missing Gemini API key: set api_key in litellm_params, or GEMINI_API_KEY / GOOGLE_API_KEY in the environment", 401);
        }
    }
}
