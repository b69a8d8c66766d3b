using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Ollama;

/// <summary>
/// Ollama's native API: <c>ollama_chat/</c> → <c>/api/chat</c>, <c>ollama/</c> → <c>/api/generate</c> with a flattened prompt;
/// NDJSON streaming; embeddings through <c>/api/embed</c>.
/// </summary>
public sealed class OllamaChatAdapter : IChatAdapter, IEmbeddingAdapter
{
    /// <summary>The chat path.</summary>
    public const string ChatPath = "/api/chat";

    /// <summary>The completion path used by the <c>ollama/</c> prefix.</summary>
    public const string GeneratePath = "/api/generate";

    /// <inheritdoc />
    public ValueTask<HttpRequestMessage> CreateRequestAsync(ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var generate = UsesGenerate(call.Deployment);
        var body = ChatRequestParts.Translate("ollama", () => generate
            ? OllamaChatRequest.BuildGenerate(call.Request, call.DropParams)
            : OllamaChatRequest.BuildChat(call.Request, call.DropParams));
        return ValueTask.FromResult(OllamaEndpoint.Post(call.Deployment, generate ? GeneratePath : ChatPath, JsonSerializer.SerializeToUtf8Bytes(body)));
    }

    /// <inheritdoc />
    public JsonObject ReadResponse(JsonNode upstreamBody, ChatCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return OllamaChatResponse.ToChatCompletion(upstreamBody, Model(call.Request, call.Deployment));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<JsonObject> ReadStreamAsync(Stream upstream, ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return OllamaStreamReader.ReadAsync(upstream, Model(call.Request, call.Deployment), cancellationToken);
    }

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, ChatCall call) => OllamaChatResponse.Error(statusCode, body);

    /// <inheritdoc />
    public ValueTask<HttpRequestMessage> CreateEmbeddingRequestAsync(EmbeddingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var body = ChatRequestParts.Translate("ollama", () => OllamaEmbeddings.Build(call.Request, Model(call.Request, call.Deployment)));
        return ValueTask.FromResult(OllamaEndpoint.Post(call.Deployment, OllamaEmbeddings.Path, JsonSerializer.SerializeToUtf8Bytes(body)));
    }

    /// <inheritdoc />
    public JsonObject ReadEmbeddingResponse(JsonNode upstreamBody, EmbeddingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return OllamaEmbeddings.ToOpenAI(upstreamBody, Model(call.Request, call.Deployment));
    }

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, EmbeddingCall call) => OllamaChatResponse.Error(statusCode, body);

    /// <summary>True for the <c>ollama/</c> prefix, which LiteLLM sends to <c>/api/generate</c>.</summary>
    public static bool UsesGenerate(ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return string.Equals(deployment.Provider, "ollama", StringComparison.Ordinal);
    }

    private static string Model(JsonObject request, ResolvedDeployment deployment) => JsonRead.String(request["model"]) ?? deployment.UpstreamModel;
}
