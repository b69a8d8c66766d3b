using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.OpenAI;

/// <summary>
/// Chat and embeddings for OpenAI, Azure OpenAI and every OpenAI-compatible provider: the body passes through with light
/// fixes, the response and stream come back untranslated (chunks parsed only to see usage and errors).
/// </summary>
public sealed class OpenAIChatAdapter(OpenAIUpstream upstream) : IChatAdapter, IEmbeddingAdapter
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    /// <summary>Where calls go.</summary>
    public OpenAIUpstream Upstream { get; } = upstream;

    /// <inheritdoc />
    public ValueTask<HttpRequestMessage> CreateRequestAsync(ChatCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!NeedsEdits(call))
        {
            // The common case: the prepared request is the body as it is; no copy to edit.
            return ValueTask.FromResult(CreateRequest(call.Deployment, "chat/completions", call.Request));
        }

        var body = call.Request.DeepClone().AsObject();
        OpenAIChatParams.Apply(body, Upstream, call.Deployment.UpstreamModel, call.DropParams);
        Upstream.AdjustChatRequest(body);
        if (call.Stream && Upstream.SupportsStreamOptions)
        {
            // Always ask for usage (cost needs it); the pipeline hides the usage chunk unless the client asked too.
            var options = body["stream_options"] as JsonObject ?? new JsonObject();
            options["include_usage"] = true;
            body["stream_options"] = options;
        }

        return ValueTask.FromResult(CreateRequest(call.Deployment, "chat/completions", body));
    }

    // Whether OpenAIChatParams, the upstream's fix-up or stream_options would change anything in the request.
    private bool NeedsEdits(ChatCall call)
    {
        if ((call.Stream && Upstream.SupportsStreamOptions) || Upstream.AdjustsChatRequest
            || (Upstream.Provider is "openai" or "azure" && OpenAIChatParams.IsReasoningModel(call.Deployment.UpstreamModel)))
        {
            return true;
        }

        foreach (var name in Upstream.UnsupportedParams)
        {
            if (call.Request.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public JsonObject ReadResponse(JsonNode upstreamBody, ChatCall call)
    {
        ArgumentNullException.ThrowIfNull(upstreamBody);
        return upstreamBody as JsonObject
            ?? throw new ProviderException(LiteLLMErrorKind.APIError, Upstream.Provider, "upstream returned a non-object JSON body", 500);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JsonObject> ReadStreamAsync(Stream upstream, ChatCall call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var sse in SseReader.ReadAsync(upstream, cancellationToken).ConfigureAwait(false))
        {
            var data = sse.Data;
            if (data.Length == 0)
            {
                continue;
            }

            if (data == "[DONE]")
            {
                yield break;
            }

            JsonObject? chunk;
            try
            {
                chunk = JsonNode.Parse(data) as JsonObject;
            }
            catch (JsonException)
            {
                throw new ProviderException(LiteLLMErrorKind.APIError, Upstream.Provider, "upstream sent a stream event that is not JSON", 500);
            }

            if (chunk is null)
            {
                continue;
            }

            if (chunk["error"] is not null)
            {
                throw OpenAIErrorReader.Read(Upstream.Provider, StatusOf(chunk["error"]), data);
            }

            yield return chunk;
        }
    }

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, ChatCall call) => OpenAIErrorReader.Read(Upstream.Provider, statusCode, body);

    /// <inheritdoc />
    public ValueTask<HttpRequestMessage> CreateEmbeddingRequestAsync(EmbeddingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return ValueTask.FromResult(CreateRequest(call.Deployment, "embeddings", call.Request));
    }

    /// <inheritdoc />
    public JsonObject ReadEmbeddingResponse(JsonNode upstreamBody, EmbeddingCall call)
    {
        ArgumentNullException.ThrowIfNull(upstreamBody);
        return upstreamBody as JsonObject
            ?? throw new ProviderException(LiteLLMErrorKind.APIError, Upstream.Provider, "upstream returned a non-object JSON body", 500);
    }

    /// <inheritdoc />
    public ProviderException ReadError(int statusCode, string body, EmbeddingCall call) => OpenAIErrorReader.Read(Upstream.Provider, statusCode, body);

    private HttpRequestMessage CreateRequest(ResolvedDeployment deployment, string operation, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Upstream.BuildUri(deployment, operation))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)),
        };
        request.Content.Headers.ContentType = s_json;
        Upstream.Authenticate(request, deployment);
        return request;
    }

    // A mid-stream error object rarely carries a status; a code that is a number is the best guess, else 500.
    private static int StatusOf(JsonNode? error) =>
        error?["code"] is JsonValue code && code.TryGetValue<int>(out var status) && status is >= 400 and < 600 ? status : 500;
}
