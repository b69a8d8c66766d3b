using System.Buffers;
using System.Text;
using System.Text.Json;

using Microsoft.AspNetCore.Http;

namespace LiteAspire.FakeProvider.Wire;

/// <summary>
/// A JSON body written with a per-thread reusable buffer and writer, then copied to the response with a
/// Content-Length in one write: the non-streaming hot path allocates almost nothing.
/// </summary>
internal static class JsonReply
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>A cleared writer for this thread; write the whole body synchronously, then call <see cref="SendAsync"/>.</summary>
    public static Utf8JsonWriter Start()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        if (t_writer is null)
        {
            t_writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            t_writer.Reset(buffer);
        }

        return t_writer;
    }

    /// <summary>Copies the body written since <see cref="Start"/> into the response before any await, so the thread's buffer is free again.</summary>
    public static Task SendAsync(HttpContext context, int status = StatusCodes.Status200OK, string contentType = "application/json")
    {
        t_writer!.Flush();
        return WriteBytesAsync(context, status, contentType, t_buffer!.WrittenSpan);
    }

    /// <summary>A body given as text (a custom error body, a plain-text transcription).</summary>
    public static Task SendRawAsync(HttpContext context, int status, string body, string contentType = "application/json") =>
        WriteBytesAsync(context, status, contentType, Encoding.UTF8.GetBytes(body));

    /// <summary>Writes bytes with a Content-Length; the copy into the response pipe happens synchronously.</summary>
    public static Task WriteBytesAsync(HttpContext context, int status, string contentType, ReadOnlySpan<byte> body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        var writer = response.BodyWriter;
        body.CopyTo(writer.GetSpan(body.Length));
        writer.Advance(body.Length);
        var flush = writer.FlushAsync(context.RequestAborted);
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }
}
