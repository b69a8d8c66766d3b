using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace LiteAspire.FakeProvider.Tests.Support;

/// <summary>One decoded AWS event-stream message.</summary>
public sealed record EventStreamMessage(Dictionary<string, string> Headers, string Payload);

/// <summary>Decodes AWS event-stream frames, failing on any length or CRC32 mismatch.</summary>
public static class EventStreamReader
{
    public static List<EventStreamMessage> Decode(byte[] bytes)
    {
        var messages = new List<EventStreamMessage>();
        var at = 0;
        while (at < bytes.Length)
        {
            var frame = bytes.AsSpan(at);
            var total = (int)BinaryPrimitives.ReadUInt32BigEndian(frame);
            var headersLength = (int)BinaryPrimitives.ReadUInt32BigEndian(frame[4..]);
            var preludeCrc = BinaryPrimitives.ReadUInt32BigEndian(frame[8..]);
            if (preludeCrc != Crc32.HashToUInt32(frame[..8]))
            {
                throw new InvalidDataException($"Prelude CRC mismatch at byte {at}.");
            }

            var messageCrc = BinaryPrimitives.ReadUInt32BigEndian(frame[(total - 4)..]);
            if (messageCrc != Crc32.HashToUInt32(frame[..(total - 4)]))
            {
                throw new InvalidDataException($"Message CRC mismatch at byte {at}.");
            }

            var headers = new Dictionary<string, string>();
            var h = 12;
            while (h < 12 + headersLength)
            {
                var nameLength = frame[h];
                var name = Encoding.UTF8.GetString(frame.Slice(h + 1, nameLength));
                h += 1 + nameLength;
                if (frame[h] != 7)
                {
                    throw new InvalidDataException($"Unexpected header type {frame[h]}.");
                }

                var valueLength = BinaryPrimitives.ReadUInt16BigEndian(frame[(h + 1)..]);
                headers[name] = Encoding.UTF8.GetString(frame.Slice(h + 3, valueLength));
                h += 3 + valueLength;
            }

            var payload = Encoding.UTF8.GetString(frame[(12 + headersLength)..(total - 4)]);
            messages.Add(new EventStreamMessage(headers, payload));
            at += total;
        }

        return messages;
    }
}
