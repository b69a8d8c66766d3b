using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// What <see cref="ChatPipeline.ExecuteAsync"/> returns: a finished <c>chat.completion</c> (<see cref="Response"/>), or for
/// <c>stream: true</c> the <c>chat.completion.chunk</c>s as they arrive (<see cref="Chunks"/>, enumerate exactly once).
/// </summary>
public sealed class ChatResult
{
    /// <summary>The model group routed to.</summary>
    public required string ModelGroup { get; init; }

    /// <summary>The deployment that answered.</summary>
    public required ResolvedDeployment Deployment { get; init; }

    /// <summary>The call id (<c>x-litellm-call-id</c>).</summary>
    public required string CallId { get; init; }

    /// <summary>The OpenAI response when not streaming (parsed from <see cref="ResponseJson"/> on first read when the pipeline passed the upstream body through).</summary>
    public JsonObject? Response
    {
        get => field ??= ResponseJson.IsEmpty ? null : JsonNode.Parse(ResponseJson.Span)!.AsObject();
        init;
    }

    /// <summary>
    /// When not empty, the response exactly as the client gets it: an OpenAI-shaped upstream's body, checked and passed
    /// through (<see cref="PassThroughJson"/>) instead of parsed. Write these bytes rather than <see cref="Response"/>.
    /// </summary>
    public ReadOnlyMemory<byte> ResponseJson { get; init; }

    /// <summary>
    /// The OpenAI chunks when streaming. The usage chunk (<c>"choices": []</c>) is included only when the client asked for
    /// <c>stream_options.include_usage</c>. Enumeration throws <see cref="ProviderException"/> for upstream failures mid-stream;
    /// disposing the enumerator closes the upstream connection.
    /// </summary>
    public IAsyncEnumerable<JsonObject>? Chunks { get; internal set; }

    /// <summary>True when <see cref="Chunks"/> is set.</summary>
    public bool IsStream => Chunks is not null;

    /// <summary>The usage reported so far (for a stream, known once enumeration has finished).</summary>
    public JsonObject? Usage { get; internal set; }
}
