using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Providers.Anthropic;

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>
/// <c>POST /v1/messages</c> (and <c>/messages</c>): the Anthropic Messages API in front of any provider. A thin layer: it
/// translates to OpenAI's shape, runs the chat pipeline through <see cref="IOpenAIChatExecutor"/>, and translates back.
/// </summary>
public static class AnthropicMessagesEndpoint
{
    /// <summary>Maps the routes; the app must register an <see cref="IOpenAIChatExecutor"/>.</summary>
    public static IEndpointRouteBuilder MapAnthropicMessagesEndpoint(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/v1/messages", HandleAsync).WithTags(RouteAccess.LlmTag);
        endpoints.MapPost("/messages", HandleAsync).WithTags(RouteAccess.LlmTag);
        return endpoints;
    }

    /// <summary>Handles one Messages request, streaming or not. Never rejects an unknown <c>anthropic-version</c>.</summary>
    public static async Task HandleAsync(HttpContext context, [FromServices] IOpenAIChatExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(executor);
        var cancellationToken = context.RequestAborted;
        JsonObject openAiRequest;
        try
        {
            var body = await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
            openAiRequest = AnthropicToOpenAIRequest.Translate(body);
        }
        catch (Exception e) when (e is AnthropicRequestException or BadHttpRequestException)
        {
            await WriteErrorAsync(context, e).ConfigureAwait(false);
            return;
        }

        UseApiKeyAsBearer(context.Request);
        if (JsonRead.IsTrue(openAiRequest["stream"]))
        {
            await StreamAsync(context, executor, openAiRequest, cancellationToken).ConfigureAwait(false);
            return;
        }

        JsonObject completion;
        try
        {
            completion = await executor.CompleteAsync(openAiRequest, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await WriteErrorAsync(context, e).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(OpenAIToAnthropicResponse.Translate(completion).ToJsonString(AnthropicApiJson.Options), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The Anthropic SDKs send the key as <c>x-api-key</c> (older) or <c>Authorization: Bearer</c> (current); the pipeline's
    /// auth reads Authorization first, so an x-api-key alone is presented there too.
    /// </summary>
    public static void UseApiKeyAsBearer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Headers.Authorization) && request.Headers["x-api-key"] is { Count: > 0 } apiKey
            && !string.IsNullOrEmpty(apiKey[0]))
        {
            request.Headers.Authorization = "Bearer " + apiKey[0];
        }
    }

    private static async Task StreamAsync(HttpContext context, IOpenAIChatExecutor executor, JsonObject openAiRequest,
        CancellationToken cancellationToken)
    {
        var model = JsonRead.String(openAiRequest["model"]) ?? "";
        var events = OpenAIChunksToAnthropicEvents.TranslateAsync(
            executor.StreamAsync(openAiRequest, context, cancellationToken), model, cancellationToken);
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            // The first event waits for the first chunk: a failure before it still gets a real HTTP status.
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await WriteErrorAsync(context, e).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            using var writer = new AnthropicSseWriter(context.Response.Body);
            try
            {
                do
                {
                    await writer.WriteAsync(enumerator.Current, cancellationToken).ConfigureAwait(false);
                }
                while (await enumerator.MoveNextAsync().ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The client went away; cancelling the token has already stopped the upstream call.
            }
            catch (Exception e)
            {
                // Headers are sent with 200: Anthropic streams report failures as an error event.
                var (status, message) = AnthropicApiErrors.Describe(e, context.TraceIdentifier);
                await writer.WriteAsync(OpenAIChunksToAnthropicEvents.Error(status, message), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        // The JSON parser checks UTF-8 only when a string is read, which would surface later as a 500.
        if (!Utf8.IsValid(bytes))
        {
            throw new AnthropicRequestException("The request body is not valid UTF-8");
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new AnthropicRequestException("Invalid JSON in request body: " + e.Message);
        }

        return body as JsonObject ?? throw new AnthropicRequestException("The request body must be a JSON object");
    }

    private static Task WriteErrorAsync(HttpContext context, Exception exception)
    {
        var (status, message) = AnthropicApiErrors.Describe(exception, context.TraceIdentifier);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(AnthropicApiErrors.Body(status, message).ToJsonString(AnthropicApiJson.Options), context.RequestAborted);
    }
}
