using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>
/// The chat pipeline as <c>/v1/messages</c> uses it: an OpenAI chat-completions request in, an OpenAI answer out, with the
/// same auth, limits, routing, adapters and spend as <c>/v1/chat/completions</c>. Failures are thrown as
/// <see cref="Providers.ProviderException"/> (upstream) or <see cref="OpenAIChatExecutionException"/> (the gateway's own refusals).
/// </summary>
public interface IOpenAIChatExecutor
{
    /// <summary>Runs a non-streaming request and returns the <c>chat.completion</c> (with usage).</summary>
    Task<JsonObject> CompleteAsync(JsonObject openAiRequest, HttpContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a streaming request and yields its <c>chat.completion.chunk</c>s as they arrive, ending with the usage chunk
    /// (<c>choices: []</c>) since the request sets <c>stream_options.include_usage</c>. Errors before the first chunk are thrown
    /// from the first <c>MoveNextAsync</c>, so they can still become a proper HTTP status.
    /// </summary>
    IAsyncEnumerable<JsonObject> StreamAsync(JsonObject openAiRequest, HttpContext context, CancellationToken cancellationToken);
}
