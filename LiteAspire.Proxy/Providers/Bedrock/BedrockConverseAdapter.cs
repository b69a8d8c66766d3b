using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>
/// AWS Bedrock through the Converse API (<c>bedrock/</c>, <c>bedrock/converse/</c>): SigV4 or bearer auth, Converse
/// request/response translation, ConverseStream event-stream decoding; embeddings through <c>/invoke</c> for Titan and Cohere models.
/// </summary>
public sealed class BedrockConverseAdapter : IChatAdapter, IEmbeddingAdapter
{
    private readonly TimeProvider _time;

    /// <summary>Signs with the system clock.</summary>
    public BedrockConverseAdapter() : this(TimeProvider.System) { }

    /// <summary>Signs with <paramref name="time"/> (fixed in tests, so signatures are reproducible).</summary>
    public BedrockConverseAdapter(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <inheritdoc />
    public ValueTask<HttpRequestMessage> CreateRequestAsync(ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var body = ChatRequestParts.Translate("bedrock", () => BedrockConverseRequest.Build(call.Request, call.DropParams));
        return ValueTask.FromResult(Signed(call.Deployment, call.Stream ? "converse-stream" : "converse", body, call.Stream));
    }

    /// <inheritdoc />
    public JsonObject ReadResponse(JsonNode upstreamBody, ChatCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return BedrockConverseResponse.ToChatCompletion(upstreamBody, Model(call.Request, call.Deployment));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<JsonObject> ReadStreamAsync(Stream upstream, ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return BedrockConverseStreamReader.ReadAsync(upstream, Model(call.Request, call.Deployment), cancellationToken);
    }

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, ChatCall call) => BedrockConverseResponse.Error(statusCode, body);

    /// <inheritdoc />
    public ValueTask<HttpRequestMessage> CreateEmbeddingRequestAsync(EmbeddingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var body = ChatRequestParts.Translate("bedrock", () => BedrockEmbeddings.Build(BedrockEndpoint.ModelId(call.Deployment.UpstreamModel), call.Request, call.DropParams));
        return ValueTask.FromResult(Signed(call.Deployment, "invoke", body, stream: false));
    }

    /// <inheritdoc />
    public JsonObject ReadEmbeddingResponse(JsonNode upstreamBody, EmbeddingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return BedrockEmbeddings.ToOpenAI(upstreamBody, Model(call.Request, call.Deployment));
    }

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, EmbeddingCall call) => BedrockConverseResponse.Error(statusCode, body);

    private HttpRequestMessage Signed(ResolvedDeployment deployment, string operation, JsonObject body, bool stream)
    {
        var region = BedrockEndpoint.Region(deployment);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, BedrockEndpoint.ModelUri(deployment, region, operation))
        {
            Content = ChatRequestParts.JsonContent(bytes),
        };
        request.Headers.Accept.ParseAdd(stream ? "application/vnd.amazon.eventstream" : "application/json");
        BedrockAuth.Apply(request, bytes, deployment, region, _time.GetUtcNow().UtcDateTime);
        return request;
    }

    private static string Model(JsonObject request, ResolvedDeployment deployment) =>
        JsonRead.String(request["model"]) ?? BedrockEndpoint.ModelId(deployment.UpstreamModel);
}
