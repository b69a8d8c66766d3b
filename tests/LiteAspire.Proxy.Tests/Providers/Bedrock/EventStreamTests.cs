using System.Buffers.Binary;
using System.Text;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Bedrock;

namespace LiteAspire.Proxy.Tests.Providers.Bedrock;

public class EventStreamTests
{
    private static byte[] Concat(params byte[][] frames) => frames.SelectMany(f => f).ToArray();

    [Fact]
    public void Encode_EventFrame_HasPreludeLengthsAndBothCrcs()
    {
        var frame = EventStreamEncoder.EncodeEvent("messageStart", "{\"role\":\"assistant\"}");

        Assert.Equal(frame.Length, BinaryPrimitives.ReadInt32BigEndian(frame));
        var headersLength = BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(4));
        Assert.Equal(frame.Length - 12 - 4 - "{\"role\":\"assistant\"}".Length, headersLength);
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(frame.AsSpan(0, 8)), BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(8)));
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(frame.AsSpan(0, frame.Length - 4)), BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(frame.Length - 4)));
    }

    [Fact]
    public void Decode_AwsDocumentedEmptyMessage_MatchesKnownCrcs()
    {
        // The event-stream spec's smallest message: no headers, no payload; prelude CRC 0x05C248EB, message CRC 0x7D98C8FF.
        byte[] frame = [0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x05, 0xC2, 0x48, 0xEB, 0x7D, 0x98, 0xC8, 0xFF];

        var message = EventStreamDecoder.Decode(frame);

        Assert.Empty(message.Headers);
        Assert.Empty(message.Payload);
        Assert.Equal(frame, EventStreamEncoder.Encode([], []));
    }

    [Fact]
    public void Decode_EveryHeaderType_RoundTrips()
    {
        var id = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        var when = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
        EventStreamHeader[] headers =
        [
            new("t", EventStreamHeaderType.BoolTrue, true),
            new("f", EventStreamHeaderType.BoolFalse, false),
            new("b", EventStreamHeaderType.Byte, (sbyte)-5),
            new("s", EventStreamHeaderType.TwoByteInteger, (short)-300),
            new("i", EventStreamHeaderType.FourByteInteger, 123456789),
            new("l", EventStreamHeaderType.EightByteInteger, long.MaxValue),
            new("bytes", EventStreamHeaderType.ByteArray, new byte[] { 1, 2, 3 }),
            EventStreamHeader.FromString(":event-type", "contentBlockDelta"),
            new("ts", EventStreamHeaderType.Timestamp, when),
            new("id", EventStreamHeaderType.Uuid, id),
        ];

        var message = EventStreamDecoder.Decode(EventStreamEncoder.Encode(headers, Encoding.UTF8.GetBytes("{}")));

        Assert.Equal(10, message.Headers.Count);
        Assert.Equal((sbyte)-5, message.Headers[2].Value);
        Assert.Equal((short)-300, message.Headers[3].Value);
        Assert.Equal(123456789, message.Headers[4].Value);
        Assert.Equal(long.MaxValue, message.Headers[5].Value);
        Assert.Equal(new byte[] { 1, 2, 3 }, (byte[])message.Headers[6].Value);
        Assert.Equal("contentBlockDelta", message.EventType);
        Assert.Equal(when, message.Headers[8].Value);
        Assert.Equal(id, message.Headers[9].Value);
        Assert.Equal("{}", message.PayloadText);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(64)]
    [InlineData(100_000)]
    public async Task ReadAsync_FramesSplitAcrossReads_YieldsEveryMessageInOrder(int maxRead)
    {
        var data = Concat(
            EventStreamEncoder.EncodeEvent("messageStart", "{\"role\":\"assistant\"}"),
            EventStreamEncoder.EncodeEvent("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hé\"}}"),
            EventStreamEncoder.EncodeEvent("messageStop", "{\"stopReason\":\"end_turn\"}"));

        var messages = new List<EventStreamMessage>();
        await foreach (var message in EventStreamDecoder.ReadAsync(new ChunkedReadStream(data, maxRead), CancellationToken.None))
        {
            messages.Add(message);
        }

        Assert.Equal(["messageStart", "contentBlockDelta", "messageStop"], messages.Select(m => m.EventType));
        Assert.Equal("{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hé\"}}", messages[1].PayloadText);
        Assert.All(messages, m => Assert.Equal("event", m.MessageType));
    }

    [Fact]
    public async Task ReadAsync_FrameLargerThanInitialBuffer_IsReassembled()
    {
        var text = new string('x', 50_000);
        var data = EventStreamEncoder.EncodeEvent("contentBlockDelta", $"{{\"delta\":{{\"text\":\"{text}\"}}}}");

        var messages = new List<EventStreamMessage>();
        await foreach (var message in EventStreamDecoder.ReadAsync(new ChunkedReadStream(data, 4096), CancellationToken.None))
        {
            messages.Add(message);
        }

        Assert.Single(messages);
        Assert.Contains(text, messages[0].PayloadText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FirstMessageArrivesBeforeStreamEnds_YieldsItImmediately()
    {
        var first = EventStreamEncoder.EncodeEvent("messageStart", "{\"role\":\"assistant\"}");
        var pipe = new System.IO.Pipelines.Pipe();
        await pipe.Writer.WriteAsync(first);

        await using var enumerator = EventStreamDecoder.ReadAsync(pipe.Reader.AsStream(), CancellationToken.None).GetAsyncEnumerator();
        var moved = enumerator.MoveNextAsync().AsTask();

        Assert.True(await moved.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("messageStart", enumerator.Current.EventType);
        await pipe.Writer.CompleteAsync();
        Assert.False(await enumerator.MoveNextAsync());
    }

    [Fact]
    public async Task ReadAsync_CorruptedMessageCrc_ThrowsProviderException()
    {
        var frame = EventStreamEncoder.EncodeEvent("contentBlockDelta", "{\"delta\":{\"text\":\"hi\"}}");
        frame[^6] ^= 0x01; // a payload byte: the message CRC no longer matches

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var _ in EventStreamDecoder.ReadAsync(new ChunkedReadStream(frame, 7), CancellationToken.None))
            {
            }
        });

        Assert.Contains("message CRC32 mismatch", error.Message, StringComparison.Ordinal);
        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task ReadAsync_CorruptedPreludeCrc_ThrowsBeforeTrustingTheLength()
    {
        var good = EventStreamEncoder.EncodeEvent("messageStart", "{}");
        var bad = EventStreamEncoder.EncodeEvent("messageStop", "{}");
        bad[2] = 0x7F; // total length now absurd, and the prelude CRC catches it

        var seen = new List<string?>();
        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var message in EventStreamDecoder.ReadAsync(new ChunkedReadStream(Concat(good, bad), 5), CancellationToken.None))
            {
                seen.Add(message.EventType);
            }
        });

        Assert.Equal(["messageStart"], seen);
        Assert.Contains("prelude CRC32 mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StreamEndsMidFrame_ThrowsProviderException()
    {
        var frame = EventStreamEncoder.EncodeEvent("messageStart", "{\"role\":\"assistant\"}");

        await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var _ in EventStreamDecoder.ReadAsync(new MemoryStream(frame[..^3]), CancellationToken.None))
            {
            }
        });
    }

    [Fact]
    public async Task ReadAsync_EmptyStream_YieldsNothing()
    {
        var count = 0;
        await foreach (var _ in EventStreamDecoder.ReadAsync(new MemoryStream(), CancellationToken.None))
        {
            count++;
        }

        Assert.Equal(0, count);
    }
}
