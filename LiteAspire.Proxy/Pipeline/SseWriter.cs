using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Providers;

using Microsoft.AspNetCore.Http.Features;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// Writes chat chunks as server-sent events: <c>data: {chunk}\n\n</c> flushed one by one, then <c>data: [DONE]\n\n</c>.
/// A failure after the first byte goes out as <c>data: {"error": {...}}</c>; before it, it is thrown for a normal error response.
/// </summary>
public static class SseWriter
{
    private static ReadOnlySpan<byte> DataPrefix => "data: "u8;

    private static ReadOnlySpan<byte> EventEnd => "\n\n"u8;

    private static ReadOnlySpan<byte> Done => "data: [DONE]\n\n"u8;

    /// <summary>Streams <paramref name="chunks"/> to the client; returns quietly when the client goes away (which cancels the upstream).</summary>
    public static async Task WriteAsync(HttpContext context, IAsyncEnumerable<JsonObject> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(chunks);
        var response = context.Response;
        var pipe = response.BodyWriter;
        Utf8JsonWriter? json = null;
        try
        {
            await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (json is null)
                {
                    Start(context);
                    json = new Utf8JsonWriter(pipe, JsonBody.WriterOptions);
                }
                else
                {
                    json.Reset(pipe);
                }

                pipe.Write(DataPrefix);
                chunk.WriteTo(json);
                json.Flush();
                pipe.Write(EventEnd);
                await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            if (json is null)
            {
                Start(context);
            }

            pipe.Write(Done);
            await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left; disposing the enumerator has already closed the upstream connection.
        }
        catch (ProviderException e) when (response.HasStarted)
        {
            await WriteErrorAsync(pipe, e.StatusCode, e.Message, e.ErrorType, e.Param, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException e) when (response.HasStarted)
        {
            await WriteErrorAsync(pipe, e.StatusCode, e.Message, e.ErrorType, e.Param, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (json is not null)
            {
                await json.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static void Start(HttpContext context)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Tells nginx-style proxies in front of us not to hold chunks back.
        response.Headers["X-Accel-Buffering"] = "no";
    }

    private static async Task WriteErrorAsync(System.IO.Pipelines.PipeWriter pipe, int status, string message, string type, string? param, CancellationToken cancellationToken)
    {
        var error = JsonSerializer.SerializeToUtf8Bytes(OpenAIError.Create(status, message, type, param));
        pipe.Write(DataPrefix);
        pipe.Write(error);
        pipe.Write(EventEnd);
        await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
