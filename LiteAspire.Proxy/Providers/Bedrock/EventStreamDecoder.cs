using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>
/// Reads <c>application/vnd.amazon.eventstream</c> frames as they arrive: frames may be split across reads, only the
/// current frame is buffered, and both CRC32s are verified (a mismatch is a <see cref="ProviderException"/>).
/// </summary>
public static class EventStreamDecoder
{
    /// <summary>Total length, headers length, prelude CRC.</summary>
    public const int PreludeLength = 12;

    /// <summary>AWS caps one message at 16 MiB; anything larger is a corrupt length, not a real frame.</summary>
    public const int MaxMessageLength = 16 * 1024 * 1024;

    private const int MinMessageLength = PreludeLength + 4;
    private const string Provider = "bedrock";

    /// <summary>Yields each complete message from <paramref name="stream"/> as soon as its last byte has been read.</summary>
    public static async IAsyncEnumerable<EventStreamMessage> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        var count = 0;
        try
        {
            while (true)
            {
                while (count < PreludeLength)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        if (count == 0)
                        {
                            yield break;
                        }

                        throw Corrupt("the stream ended inside a message prelude");
                    }

                    count += read;
                }

                var total = ReadPrelude(buffer, out _);
                if (total > buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(total);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                while (count < total)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw Corrupt("the stream ended inside a message");
                    }

                    count += read;
                }

                var message = Decode(buffer.AsSpan(0, total));
                // Keep the bytes of the next frame that arrived with this one.
                buffer.AsSpan(total, count - total).CopyTo(buffer);
                count -= total;
                yield return message;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes exactly one complete frame, verifying both CRCs.</summary>
    public static EventStreamMessage Decode(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < PreludeLength)
        {
            throw Corrupt("a message is shorter than its prelude");
        }

        var total = ReadPrelude(frame, out var headersLength);
        if (frame.Length != total)
        {
            throw Corrupt("a message's length does not match its prelude");
        }

        var expected = BinaryPrimitives.ReadUInt32BigEndian(frame[(total - 4)..]);
        if (Crc32.HashToUInt32(frame[..(total - 4)]) != expected)
        {
            throw Corrupt("message CRC32 mismatch");
        }

        var headers = ReadHeaders(frame.Slice(PreludeLength, headersLength));
        var payload = frame[(PreludeLength + headersLength)..(total - 4)].ToArray();
        return new EventStreamMessage(headers, payload);
    }

    private static int ReadPrelude(ReadOnlySpan<byte> prelude, out int headersLength)
    {
        var total = BinaryPrimitives.ReadInt32BigEndian(prelude);
        headersLength = BinaryPrimitives.ReadInt32BigEndian(prelude[4..]);
        var expected = BinaryPrimitives.ReadUInt32BigEndian(prelude[8..]);
        if (Crc32.HashToUInt32(prelude[..8]) != expected)
        {
            throw Corrupt("prelude CRC32 mismatch");
        }

        if (total is < MinMessageLength or > MaxMessageLength || headersLength < 0 || headersLength > total - MinMessageLength)
        {
            throw Corrupt("invalid message lengths in the prelude");
        }

        return total;
    }

    private static List<EventStreamHeader> ReadHeaders(ReadOnlySpan<byte> span)
    {
        var headers = new List<EventStreamHeader>(4);
        var at = 0;
        while (at < span.Length)
        {
            int nameLength = span[at++];
            if (nameLength == 0 || at + nameLength + 1 > span.Length)
            {
                throw Corrupt("a header name runs past the headers");
            }

            var name = Text(span.Slice(at, nameLength));
            at += nameLength;
            var type = (EventStreamHeaderType)span[at++];
            object value;
            switch (type)
            {
                case EventStreamHeaderType.BoolTrue:
                    value = true;
                    break;
                case EventStreamHeaderType.BoolFalse:
                    value = false;
                    break;
                case EventStreamHeaderType.Byte:
                    Need(span, at, 1);
                    value = unchecked((sbyte)span[at]);
                    at += 1;
                    break;
                case EventStreamHeaderType.TwoByteInteger:
                    Need(span, at, 2);
                    value = BinaryPrimitives.ReadInt16BigEndian(span[at..]);
                    at += 2;
                    break;
                case EventStreamHeaderType.FourByteInteger:
                    Need(span, at, 4);
                    value = BinaryPrimitives.ReadInt32BigEndian(span[at..]);
                    at += 4;
                    break;
                case EventStreamHeaderType.EightByteInteger:
                    Need(span, at, 8);
                    value = BinaryPrimitives.ReadInt64BigEndian(span[at..]);
                    at += 8;
                    break;
                case EventStreamHeaderType.Timestamp:
                    Need(span, at, 8);
                    value = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(span[at..]));
                    at += 8;
                    break;
                case EventStreamHeaderType.ByteArray or EventStreamHeaderType.Utf8Text:
                    Need(span, at, 2);
                    int length = BinaryPrimitives.ReadUInt16BigEndian(span[at..]);
                    at += 2;
                    Need(span, at, length);
                    value = type == EventStreamHeaderType.Utf8Text ? Text(span.Slice(at, length)) : span.Slice(at, length).ToArray();
                    at += length;
                    break;
                case EventStreamHeaderType.Uuid:
                    Need(span, at, 16);
                    value = new Guid(span.Slice(at, 16), bigEndian: true);
                    at += 16;
                    break;
                default:
                    throw Corrupt($"unknown header value type {(byte)type}");
            }

            headers.Add(new EventStreamHeader(name, type, value));
        }

        return headers;
    }

    // Every Bedrock frame repeats the same few header names and values: hand out one string each instead of allocating per frame.
    private static readonly (byte[] Utf8, string Text)[] KnownStrings = Known(
        ":event-type", ":content-type", ":message-type", ":exception-type", "application/json", "event", "exception",
        "messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata", "chunk");

    private static (byte[] Utf8, string Text)[] Known(params string[] texts)
    {
        var known = new (byte[] Utf8, string Text)[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            known[i] = (Encoding.UTF8.GetBytes(texts[i]), texts[i]);
        }

        return known;
    }

    private static string Text(ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, text) in KnownStrings)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return text;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    private static void Need(ReadOnlySpan<byte> span, int at, int length)
    {
        if (at + length > span.Length)
        {
            throw Corrupt("a header value runs past the headers");
        }
    }

    private static ProviderException Corrupt(string what) =>
        new(LiteLLMErrorKind.APIError, Provider, $"Invalid event stream from Bedrock: {what}", 500);
}
