using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Cohere;

/// <summary>Cohere v2 (<c>cohere/</c>, <c>cohere_chat/</c>): <c>/v2/chat</c> with SSE streaming, and <c>/v2/embed</c>.</summary>
public sealed class CohereChatAdapter : IChatAdapter, IEmbeddingAdapter
{
    /// <summary>The v2 chat path.</summary>
    public const string ChatPath = "/v2/chat";

    /// <summary>The v2 embed path.</summary>
    public const string EmbedPath = "/v2/embed";

    /// <inheritdoc />
    public ValueTask<HttpRequestMessage> CreateRequestAsync(ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var body = ChatRequestParts.Translate("cohere", () => CohereChatRequest.Build(call.Request, call.DropParams));
        return ValueTask.FromResult(CohereEndpoint.Post(call.Deployment, ChatPath, JsonSerializer.SerializeToUtf8Bytes(body), call.Stream));
    }

    /// <inheritdoc />
    public JsonObject ReadResponse(JsonNode upstreamBody, ChatCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return CohereChatResponse.ToChatCompletion(upstreamBody, Model(call.Request, call.Deployment));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<JsonObject> ReadStreamAsync(Stream upstream, ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return CohereChatStreamReader.ReadAsync(upstream, Model(call.Request, call.Deployment), cancellationToken);
    }

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, ChatCall call) => CohereChatResponse.Error(statusCode, body);

    /// <inheritdoc />
    public ValueTask<HttpRequestMessage> CreateEmbeddingRequestAsync(EmbeddingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var body = ChatRequestParts.Translate("cohere", () => CohereEmbeddings.Build(call.Request, call.Deployment));
        return ValueTask.FromResult(CohereEndpoint.Post(call.Deployment, EmbedPath, JsonSerializer.SerializeToUtf8Bytes(body), stream: false));
    }

    /// <inheritdoc />
    public JsonObject ReadEmbeddingResponse(JsonNode upstreamBody, EmbeddingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return CohereEmbeddings.ToOpenAI(upstreamBody, call.Request, Model(call.Request, call.Deployment));
    }

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, EmbeddingCall call) => CohereChatResponse.Error(statusCode, body);

    private static string Model(JsonObject request, ResolvedDeployment deployment) => JsonRead.String(request["model"]) ?? deployment.UpstreamModel;
}
