using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace LiteAspire.FakeProvider.Wire;

/// <summary>
/// AWS event-stream framing (application/vnd.amazon.eventstream): total length and headers length (big-endian),
/// a CRC32 of those 8 bytes, string headers, the payload, and a CRC32 of everything before it.
/// </summary>
public static class EventStreamEncoder
{
    private const int PreludeLength = 12;
    private const int MessageCrcLength = 4;
    private const byte StringHeaderType = 7;

    /// <summary>An event message with <c>:event-type</c>, <c>:content-type</c> and <c>:message-type: event</c>.</summary>
    public static byte[] EncodeEvent(string eventType, ReadOnlySpan<byte> payload) =>
        Encode([(":event-type", eventType), (":content-type", "application/json"), (":message-type", "event")], payload);

    /// <summary>An exception message, as Bedrock sends for an error in the middle of a stream.</summary>
    public static byte[] EncodeException(string exceptionType, ReadOnlySpan<byte> payload) =>
        Encode([(":exception-type", exceptionType), (":content-type", "application/json"), (":message-type", "exception")], payload);

    /// <summary>One frame with the given string headers and payload.</summary>
    public static byte[] Encode(ReadOnlySpan<(string Name, string Value)> headers, ReadOnlySpan<byte> payload)
    {
        var headersLength = 0;
        foreach (var (name, value) in headers)
        {
            headersLength += 1 + Encoding.UTF8.GetByteCount(name) + 1 + 2 + Encoding.UTF8.GetByteCount(value);
        }

        var total = PreludeLength + headersLength + payload.Length + MessageCrcLength;
        var frame = new byte[total];
        var span = frame.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)headersLength);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], Crc32.HashToUInt32(span[..8]));
        var at = PreludeLength;
        foreach (var (name, value) in headers)
        {
            var nameLength = Encoding.UTF8.GetBytes(name, span[(at + 1)..]);
            span[at] = (byte)nameLength;
            at += 1 + nameLength;
            span[at++] = StringHeaderType;
            var valueLength = Encoding.UTF8.GetBytes(value, span[(at + 2)..]);
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)valueLength);
            at += 2 + valueLength;
        }

        payload.CopyTo(span[at..]);
        at += payload.Length;
        BinaryPrimitives.WriteUInt32BigEndian(span[at..], Crc32.HashToUInt32(span[..at]));
        return frame;
    }
}
