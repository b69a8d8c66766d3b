using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.AnthropicApi;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// Runs the Anthropic Messages API (<c>/v1/messages</c>) through the same auth and chat pipeline as
/// <c>/v1/chat/completions</c>, so it reaches any provider. Gateway refusals become <see cref="OpenAIChatExecutionException"/>,
/// which the endpoint answers in Anthropic's error shape.
/// </summary>
public sealed class PipelineChatExecutor(ChatPipeline pipeline, RequestAuthenticator auth) : IOpenAIChatExecutor
{
    /// <inheritdoc />
    public async Task<JsonObject> CompleteAsync(JsonObject openAiRequest, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync(openAiRequest, context, cancellationToken).ConfigureAwait(false);
        return result.Response ?? throw new OpenAIChatExecutionException(500, "The pipeline returned a stream for a non-streaming request.");
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JsonObject> StreamAsync(JsonObject openAiRequest, HttpContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync(openAiRequest, context, cancellationToken).ConfigureAwait(false);
        if (result.Chunks is null)
        {
            throw new OpenAIChatExecutionException(500, "The pipeline returned a completion for a streaming request.");
        }

        await foreach (var chunk in result.Chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return chunk;
        }
    }

    private async Task<ChatResult> ExecuteAsync(JsonObject openAiRequest, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            CallTiming.Start(context);
            context.Features.Set(await auth.AuthenticateAsync(context.Request, cancellationToken).ConfigureAwait(false));
            return await pipeline.ExecuteAsync(openAiRequest, context, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException e)
        {
            throw new OpenAIChatExecutionException(e.StatusCode, e.Message);
        }
    }
}
