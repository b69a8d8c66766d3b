using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>Writes Anthropic events as <c>event: X\ndata: {...}\n\n</c> and flushes each, so clients see it at once.</summary>
public sealed class AnthropicSseWriter : IDisposable
{
    private static readonly byte[] EventPrefix = "event: "u8.ToArray();
    private static readonly byte[] DataPrefix = "\ndata: "u8.ToArray();
    private static readonly byte[] Terminator = "\n\n"u8.ToArray();

    private readonly Stream _output;
    // One buffer and JSON writer per stream, reused for every event.
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to <paramref name="output"/> (the response body).</summary>
    public AnthropicSseWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Writes one event and flushes.</summary>
    public async ValueTask WriteAsync(AnthropicSseEvent sseEvent, CancellationToken cancellationToken)
    {
        _buffer.Clear();
        _buffer.Write(EventPrefix);
        var nameBytes = _buffer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(sseEvent.Name.Length));
        _buffer.Advance(System.Text.Encoding.UTF8.GetBytes(sseEvent.Name, nameBytes));
        _buffer.Write(DataPrefix);
        _json.Reset(_buffer);
        sseEvent.Data.WriteTo(_json);
        _json.Flush();
        _buffer.Write(Terminator);
        await _output.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();
}
