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

    /// <summary>The OpenAI response when not streaming.</summary>
    public JsonObject? Response { get; init; }

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
