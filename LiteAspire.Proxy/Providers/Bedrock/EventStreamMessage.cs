using System.Text;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>The value types of an <c>application/vnd.amazon.eventstream</c> header, as numbered on the wire.</summary>
public enum EventStreamHeaderType : byte
{
    /// <summary>true, no value bytes.</summary>
    BoolTrue = 0,

    /// <summary>false, no value bytes.</summary>
    BoolFalse = 1,

    /// <summary>One signed byte.</summary>
    Byte = 2,

    /// <summary>Big-endian 16-bit integer.</summary>
    TwoByteInteger = 3,

    /// <summary>Big-endian 32-bit integer.</summary>
    FourByteInteger = 4,

    /// <summary>Big-endian 64-bit integer.</summary>
    EightByteInteger = 5,

    /// <summary>2-byte length, then bytes.</summary>
    ByteArray = 6,

    /// <summary>2-byte length, then UTF-8.</summary>
    Utf8Text = 7,

    /// <summary>Big-endian 64-bit milliseconds since the Unix epoch.</summary>
    Timestamp = 8,

    /// <summary>16 bytes.</summary>
    Uuid = 9,
}

/// <summary>One event-stream header: its name, wire type and value (bool, sbyte, short, int, long, byte[], string, DateTimeOffset or Guid).</summary>
/// <param name="Name">The header name, e.g. <c>:event-type</c>.</param>
/// <param name="Type">The wire type.</param>
/// <param name="Value">The decoded value.</param>
public readonly record struct EventStreamHeader(string Name, EventStreamHeaderType Type, object Value)
{
    /// <summary>A string header (type 7), the kind AWS uses for <c>:event-type</c>, <c>:message-type</c> and <c>:content-type</c>.</summary>
    public static EventStreamHeader FromString(string name, string value) => new(name, EventStreamHeaderType.Utf8Text, value);
}

/// <summary>One decoded event-stream message: headers and payload, both CRCs already verified.</summary>
public sealed class EventStreamMessage
{
    /// <summary>Creates a message.</summary>
    public EventStreamMessage(IReadOnlyList<EventStreamHeader> headers, byte[] payload)
    {
        Headers = headers;
        Payload = payload;
    }

    /// <summary>The headers in wire order.</summary>
    public IReadOnlyList<EventStreamHeader> Headers { get; }

    /// <summary>The payload bytes (JSON for Bedrock).</summary>
    public byte[] Payload { get; }

    /// <summary><c>:message-type</c>: <c>event</c>, <c>exception</c> or <c>error</c>.</summary>
    public string? MessageType => GetString(":message-type");

    /// <summary><c>:event-type</c>, e.g. <c>contentBlockDelta</c>.</summary>
    public string? EventType => GetString(":event-type");

    /// <summary><c>:exception-type</c>, e.g. <c>throttlingException</c>.</summary>
    public string? ExceptionType => GetString(":exception-type");

    /// <summary>The value of a string header, or null.</summary>
    public string? GetString(string name)
    {
        // A handful of headers per message: a linear scan beats a dictionary here.
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i].Name, name, StringComparison.Ordinal))
            {
                return Headers[i].Value as string;
            }
        }

        return null;
    }

    /// <summary>The payload as UTF-8 text.</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload);
}
