using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>
/// What Google AI Studio (<c>gemini/</c>) and Vertex AI (<c>vertex_ai/</c>) share: the same generateContent response, stream and
/// error shapes. Subclasses differ only in where requests go and how they authenticate (and in Vertex's embedding API).
/// </summary>
public abstract class GoogleGenerativeAdapter : IChatAdapter, IEmbeddingAdapter
{
    private readonly string _provider;

    /// <summary>Reads responses and errors in the name of <paramref name="provider"/> (the LiteLLM prefix).</summary>
    protected GoogleGenerativeAdapter(string provider) => _provider = provider;

    /// <inheritdoc />
    public abstract ValueTask<HttpRequestMessage> CreateRequestAsync(ChatCall call, CancellationToken cancellationToken);

    /// <inheritdoc />
    public JsonObject ReadResponse(JsonNode upstreamBody, ChatCall call)
    {
        ArgumentNullException.ThrowIfNull(upstreamBody);
        ArgumentNullException.ThrowIfNull(call);
        return GeminiResponse.Translate(upstreamBody, call, _provider);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<JsonObject> ReadStreamAsync(Stream upstream, ChatCall call, CancellationToken cancellationToken) =>
        GeminiStreamTranslator.TranslateAsync(upstream, call, _provider, cancellationToken);

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, ChatCall call) => GeminiErrors.FromResponse(statusCode, body, _provider);

    /// <inheritdoc />
    public abstract ValueTask<HttpRequestMessage> CreateEmbeddingRequestAsync(EmbeddingCall call, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract JsonObject ReadEmbeddingResponse(JsonNode upstreamBody, EmbeddingCall call);

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, EmbeddingCall call) => GeminiErrors.FromResponse(statusCode, body, _provider);

    /// <summary>The embedding model (request's, else the deployment's) without a leading <c>models/</c>.</summary>
    protected static string EmbeddingModel(EmbeddingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return GoogleHttp.StripModels(call.Request["model"]?.GetValue<string>() ?? call.Deployment.UpstreamModel);
    }
}
