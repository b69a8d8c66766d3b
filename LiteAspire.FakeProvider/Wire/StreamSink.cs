using System.Buffers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

using LiteAspire.FakeProvider.Faults;

using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace LiteAspire.FakeProvider.Wire;

/// <summary>
/// Writes one streamed response event by event (SSE, NDJSON or AWS event-stream), flushing each so clients see it at
/// once, pacing content events by the fault plan (time to first token, delay between chunks) and cutting the
/// connection after the requested number of events.
/// </summary>
internal sealed class StreamSink : IDisposable
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventPrefix = "event: "u8.ToArray();

    private readonly HttpContext _context;
    private readonly FaultPlan _plan;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private int _events;
    private bool _contentSent;

    private StreamSink(HttpContext context, FaultPlan plan)
    {
        _context = context;
        _plan = plan;
        _json = new Utf8JsonWriter(_buffer);
    }

    /// <summary>True once the plan broke the stream or the client left: stop writing.</summary>
    public bool Closed { get; private set; }

    /// <summary>Sends status 200 and the content type now, so a client sees the headers before the first token.</summary>
    public static async Task<StreamSink> StartAsync(HttpContext context, FaultPlan plan, string contentType)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        return new StreamSink(context, plan);
    }

    /// <summary>A cleared JSON writer for the next event's body.</summary>
    public Utf8JsonWriter Json()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        return _json;
    }

    /// <summary>Sends the JSON just written as an SSE event (<c>event:</c> line when named).</summary>
    public Task SseAsync(string? eventName, bool content, bool crlf = false)
    {
        _json.Flush();
        var newline = crlf ? "\r\n"u8 : "\n"u8;
        var size = DataPrefix.Length + _buffer.WrittenCount + (2 * newline.Length) + (eventName is null ? 0 : EventPrefix.Length + Encoding.UTF8.GetByteCount(eventName) + newline.Length);
        var frame = new byte[size];
        var span = frame.AsSpan();
        var at = 0;
        if (eventName is not null)
        {
            EventPrefix.CopyTo(span);
            at += EventPrefix.Length;
            at += Encoding.UTF8.GetBytes(eventName, span[at..]);
            newline.CopyTo(span[at..]);
            at += newline.Length;
        }

        DataPrefix.CopyTo(span[at..]);
        at += DataPrefix.Length;
        _buffer.WrittenSpan.CopyTo(span[at..]);
        at += _buffer.WrittenCount;
        newline.CopyTo(span[at..]);
        newline.CopyTo(span[(at + newline.Length)..]);
        return SendAsync(frame, content);
    }

    /// <summary>Sends the JSON just written as one NDJSON line.</summary>
    public Task LineAsync(bool content)
    {
        _json.Flush();
        var frame = new byte[_buffer.WrittenCount + 1];
        _buffer.WrittenSpan.CopyTo(frame);
        frame[^1] = (byte)'\n';
        return SendAsync(frame, content);
    }

    /// <summary>Sends the JSON just written as an AWS event-stream event message.</summary>
    public Task EventStreamAsync(string eventType, bool content)
    {
        _json.Flush();
        return SendAsync(EventStreamEncoder.EncodeEvent(eventType, _buffer.WrittenSpan), content);
    }

    /// <summary>Sends bytes as they are (e.g. <c>data: [DONE]</c>).</summary>
    public Task RawAsync(byte[] bytes) => SendAsync(bytes, content: false);

    /// <summary>Waits for the time to first token or the delay between chunks, writes, flushes, and breaks the stream when told.</summary>
    public async Task SendAsync(byte[] frame, bool content)
    {
        if (Closed)
        {
            return;
        }

        var aborted = _context.RequestAborted;
        try
        {
            if (content)
            {
                var delay = _contentSent ? _plan.ChunkDelayMs : _plan.TtftMs;
                _contentSent = true;
                if (delay > 0)
                {
                    await Task.Delay(delay, aborted).ConfigureAwait(false);
                }
            }

            await _context.Response.Body.WriteAsync(frame, aborted).ConfigureAwait(false);
            await _context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Closed = true;
            return;
        }

        _events++;
        if (_plan.BreakStreamAfter is { } limit && _events >= limit)
        {
            Closed = true;
            // A flush hands bytes to Kestrel's transport, not yet to the socket: let it drain before the FIN.
            await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
            Break(_context);
        }
    }

    /// <summary>
    /// Ends the connection mid-body, as a failing upstream does: a FIN first (so the client reads every byte sent, then an
    /// early end of the body), then the abort. A bare abort can reset the socket before the client read what was sent.
    /// </summary>
    private static void Break(HttpContext context)
    {
        try
        {
            context.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // Already gone: the abort below is all that is left to do.
        }
        catch (ObjectDisposedException)
        {
        }

        context.Abort();
    }

    public void Dispose() => _json.Dispose();
}
