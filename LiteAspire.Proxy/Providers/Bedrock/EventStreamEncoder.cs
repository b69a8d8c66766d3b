using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>
/// Writes <c>application/vnd.amazon.eventstream</c> frames with correct prelude and message CRC32s, for the fake upstream
/// and tests (the proxy itself only reads them).
/// </summary>
public static class EventStreamEncoder
{
    /// <summary>A Bedrock event frame: <c>:event-type</c>, <c>:content-type: application/json</c>, <c>:message-type: event</c>.</summary>
    public static byte[] EncodeEvent(string eventType, string jsonPayload) => Encode(
        [
            EventStreamHeader.FromString(":event-type", eventType),
            EventStreamHeader.FromString(":content-type", "application/json"),
            EventStreamHeader.FromString(":message-type", "event"),
        ],
        Encoding.UTF8.GetBytes(jsonPayload));

    /// <summary>A Bedrock exception frame (<c>:message-type: exception</c>, <c>:exception-type</c>), payload <c>{"message": ...}</c>.</summary>
    public static byte[] EncodeException(string exceptionType, string jsonPayload) => Encode(
        [
            EventStreamHeader.FromString(":exception-type", exceptionType),
            EventStreamHeader.FromString(":content-type", "application/json"),
            EventStreamHeader.FromString(":message-type", "exception"),
        ],
        Encoding.UTF8.GetBytes(jsonPayload));

    /// <summary>One frame: prelude (total length, headers length, CRC32), headers, payload, CRC32 of everything before it.</summary>
    public static byte[] Encode(IReadOnlyList<EventStreamHeader> headers, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var headersLength = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            headersLength += HeaderSize(headers[i]);
        }

        var total = EventStreamDecoder.PreludeLength + headersLength + payload.Length + 4;
        var frame = new byte[total];
        var span = frame.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, total);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], headersLength);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], Crc32.HashToUInt32(span[..8]));
        var offset = EventStreamDecoder.PreludeLength;
        for (var i = 0; i < headers.Count; i++)
        {
            offset += WriteHeader(span[offset..], headers[i]);
        }

        payload.CopyTo(span[offset..]);
        offset += payload.Length;
        BinaryPrimitives.WriteUInt32BigEndian(span[offset..], Crc32.HashToUInt32(span[..offset]));
        return frame;
    }

    private static int HeaderSize(EventStreamHeader header)
    {
        var nameLength = Encoding.UTF8.GetByteCount(header.Name);
        if (nameLength is 0 or > 255)
        {
            throw new ArgumentException("Event-stream header names are 1 to 255 bytes.", nameof(header));
        }

        return 1 + nameLength + 1 + header.Type switch
        {
            EventStreamHeaderType.BoolTrue or EventStreamHeaderType.BoolFalse => 0,
            EventStreamHeaderType.Byte => 1,
            EventStreamHeaderType.TwoByteInteger => 2,
            EventStreamHeaderType.FourByteInteger => 4,
            EventStreamHeaderType.EightByteInteger or EventStreamHeaderType.Timestamp => 8,
            EventStreamHeaderType.ByteArray => 2 + ((byte[])header.Value).Length,
            EventStreamHeaderType.Utf8Text => 2 + Encoding.UTF8.GetByteCount((string)header.Value),
            EventStreamHeaderType.Uuid => 16,
            _ => throw new ArgumentOutOfRangeException(nameof(header), header.Type, "Unknown event-stream header type."),
        };
    }

    private static int WriteHeader(Span<byte> span, EventStreamHeader header)
    {
        var nameLength = Encoding.UTF8.GetBytes(header.Name, span[1..]);
        span[0] = (byte)nameLength;
        var at = 1 + nameLength;
        span[at++] = (byte)header.Type;
        switch (header.Type)
        {
            case EventStreamHeaderType.Byte:
                span[at++] = unchecked((byte)(sbyte)header.Value);
                break;
            case EventStreamHeaderType.TwoByteInteger:
                BinaryPrimitives.WriteInt16BigEndian(span[at..], (short)header.Value);
                at += 2;
                break;
            case EventStreamHeaderType.FourByteInteger:
                BinaryPrimitives.WriteInt32BigEndian(span[at..], (int)header.Value);
                at += 4;
                break;
            case EventStreamHeaderType.EightByteInteger:
                BinaryPrimitives.WriteInt64BigEndian(span[at..], (long)header.Value);
                at += 8;
                break;
            case EventStreamHeaderType.Timestamp:
                BinaryPrimitives.WriteInt64BigEndian(span[at..], ((DateTimeOffset)header.Value).ToUnixTimeMilliseconds());
                at += 8;
                break;
            case EventStreamHeaderType.ByteArray:
                var bytes = (byte[])header.Value;
                BinaryPrimitives.WriteUInt16BigEndian(span[at..], checked((ushort)bytes.Length));
                bytes.CopyTo(span[(at + 2)..]);
                at += 2 + bytes.Length;
                break;
            case EventStreamHeaderType.Utf8Text:
                var length = Encoding.UTF8.GetBytes((string)header.Value, span[(at + 2)..]);
                BinaryPrimitives.WriteUInt16BigEndian(span[at..], checked((ushort)length));
                at += 2 + length;
                break;
            case EventStreamHeaderType.Uuid:
                ((Guid)header.Value).TryWriteBytes(span[at..], bigEndian: true, out _);
                at += 16;
                break;
        }

        return at;
    }
}
