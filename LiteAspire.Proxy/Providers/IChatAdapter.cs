using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers;

/// <summary>
/// Translates OpenAI-shaped chat completions to one provider's wire format and back. Adapters are stateless
/// singletons; everything about one call is in <see cref="ChatCall"/>.
/// </summary>
public interface IChatAdapter
{
    /// <summary>Builds the upstream request: URL, auth headers, translated body (stream or not, per <see cref="ChatCall.Stream"/>).</summary>
    /// <exception cref="ProviderException">An unsupported parameter without drop_params (400), or missing credentials.</exception>
    ValueTask<HttpRequestMessage> CreateRequestAsync(ChatCall call, CancellationToken cancellationToken);

    /// <summary>Translates a successful non-streaming upstream body into an OpenAI <c>chat.completion</c> object (with <c>usage</c>).</summary>
    JsonObject ReadResponse(JsonNode upstreamBody, ChatCall call);

    /// <summary>
    /// Translates a successful streaming upstream response into OpenAI <c>chat.completion.chunk</c> objects, yielded as soon
    /// as each upstream event arrives. The last chunk carrying usage has <c>"choices": []</c> and <c>usage</c>; the pipeline
    /// forwards it only when the client asked for <c>stream_options.include_usage</c>. Mid-stream upstream errors throw
    /// <see cref="ProviderException"/>.
    /// </summary>
    IAsyncEnumerable<JsonObject> ReadStreamAsync(Stream upstream, ChatCall call, CancellationToken cancellationToken);

    /// <summary>Maps a failed upstream response (status and body text) to the LiteLLM exception it becomes.</summary>
    ProviderException ReadError(int statusCode, string body, ChatCall call);
}

/// <summary>An adapter that also does embeddings (<c>/v1/embeddings</c>).</summary>
public interface IEmbeddingAdapter
{
    /// <summary>Builds the upstream request from an OpenAI embeddings body (<c>input</c>, <c>model</c>, <c>dimensions</c>, <c>encoding_format</c>).</summary>
    ValueTask<HttpRequestMessage> CreateEmbeddingRequestAsync(EmbeddingCall call, CancellationToken cancellationToken);

    /// <summary>Translates the upstream body into OpenAI's <c>{"object":"list","data":[{"object":"embedding","index","embedding"}],"model","usage"}</c>.</summary>
    JsonObject ReadEmbeddingResponse(JsonNode upstreamBody, EmbeddingCall call);

    /// <summary>Maps a failed upstream response.</summary>
    ProviderException ReadError(int statusCode, string body, EmbeddingCall call);
}

/// <summary>One embeddings call.</summary>
public sealed class EmbeddingCall
{
    /// <summary>Where the call goes.</summary>
    public required ResolvedDeployment Deployment { get; init; }

    /// <summary>The OpenAI embeddings body with <c>model</c> set to the upstream model.</summary>
    public required JsonObject Request { get; init; }

    /// <summary>drop_params in force.</summary>
    public bool DropParams { get; init; }
}
