using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Bedrock;
using static LiteAspire.Proxy.Tests.Providers.Bedrock.ProviderTestKit;

namespace LiteAspire.Proxy.Tests.Providers.Bedrock;

public class BedrockConverseStreamTests
{
    private const string Model = "anthropic.claude-3-sonnet-20240229-v1:0";

    private static ChatCall Call() => Chat(Deployment("bedrock", Model, apiKey: "k"), new JsonObject { ["model"] = Model, ["stream"] = true });

    private static byte[] Frames(string fixture)
    {
        var frames = new List<byte>();
        foreach (var item in (JsonArray)Fixture("Bedrock", fixture))
        {
            frames.AddRange(EventStreamEncoder.EncodeEvent(item!["event"]!.GetValue<string>(), item["payload"]!.ToJsonString()));
        }

        return [.. frames];
    }

    private static Task<List<JsonObject>> Read(byte[] data, int maxRead = 17) =>
        Collect(new BedrockConverseAdapter().ReadStreamAsync(new ChunkedReadStream(data, maxRead), Call(), CancellationToken.None));

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(4096)]
    public async Task ReadStream_ToolUseEvents_BecomeOpenAIChunks(int maxRead)
    {
        var chunks = await Read(Frames("converse-stream-events.json"), maxRead);

        Assert.Equal(8, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c["object"]!.GetValue<string>()));
        Assert.Single(chunks.Select(c => c["id"]!.GetValue<string>()).Distinct());
        AssertJsonEqual(JsonNode.Parse("""{"role":"assistant","content":""}""")!, chunks[0]["choices"]![0]!["delta"]);
        Assert.Equal("I'll check", chunks[1]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal(" the charts.", chunks[2]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        AssertJsonEqual(
            JsonNode.Parse("""{"tool_calls":[{"id":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","type":"function","function":{"name":"top_song","arguments":""},"index":0}]}""")!,
            chunks[3]["choices"]![0]!["delta"]);
        AssertJsonEqual(JsonNode.Parse("""{"tool_calls":[{"index":0,"function":{"arguments":"{\"sign\": "}}]}""")!, chunks[4]["choices"]![0]!["delta"]);
        AssertJsonEqual(JsonNode.Parse("""{"tool_calls":[{"index":0,"function":{"arguments":"\"WZPZ\"}"}}]}""")!, chunks[5]["choices"]![0]!["delta"]);
        Assert.Equal("tool_calls", chunks[6]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Empty(chunks[7]["choices"]!.AsArray());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":375,"completion_tokens":72,"total_tokens":447}""")!, chunks[7]["usage"]);
    }

    [Theory]
    [InlineData("converse-text-response.json")]
    [InlineData("converse-tool-response.json")]
    public async Task ReadStream_FramesOfDocumentedResponse_AddUpToNonStreamingTranslation(string fixture)
    {
        var response = Fixture("Bedrock", fixture);
        var expected = new BedrockConverseAdapter().ReadResponse(response, Call());
        var data = ConverseStreamFrames.From(response, textPieceLength: 7).SelectMany(f => f).ToArray();

        var chunks = await Read(data, maxRead: 5);

        var content = string.Concat(chunks.Select(c => c["choices"]!.AsArray().FirstOrDefault()?["delta"]?["content"]?.GetValue<string>()));
        var reasoning = string.Concat(chunks.Select(c => c["choices"]!.AsArray().FirstOrDefault()?["delta"]?["reasoning_content"]?.GetValue<string>()));
        var arguments = string.Concat(chunks.Select(c => c["choices"]!.AsArray().FirstOrDefault()?["delta"]?["tool_calls"]?[0]?["function"]?["arguments"]?.GetValue<string>()));
        var message = expected["choices"]![0]!["message"]!;
        Assert.Equal(message["content"]?.GetValue<string>() ?? "", content);
        Assert.Equal(message["reasoning_content"]?.GetValue<string>() ?? "", reasoning);
        Assert.Equal(message["tool_calls"]?[0]?["function"]?["arguments"]?.GetValue<string>() ?? "", arguments);
        Assert.Equal(expected["choices"]![0]!["finish_reason"]!.GetValue<string>(),
            chunks.Select(c => c["choices"]!.AsArray().FirstOrDefault()?["finish_reason"]?.GetValue<string>()).Last(r => r is not null));
        AssertJsonEqual(expected["usage"]!, chunks[^1]["usage"]);
    }

    [Fact]
    public async Task ReadStream_ReasoningEvents_BecomeReasoningContentAndLengthFinish()
    {
        var chunks = await Read(Frames("converse-stream-reasoning-events.json"));

        Assert.Equal("Counting the letters.", chunks[1]["choices"]![0]!["delta"]!["reasoning_content"]!.GetValue<string>());
        Assert.Equal("There are three.", chunks[2]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal("length", chunks[3]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(32, chunks[4]["usage"]!["total_tokens"]!.GetValue<long>());
        Assert.Equal(5, chunks.Count);
    }

    [Fact]
    public async Task ReadStream_ThrottlingExceptionFrame_ThrowsRateLimitAfterEarlierChunks()
    {
        var data = EventStreamEncoder.EncodeEvent("messageStart", "{\"role\":\"assistant\"}")
            .Concat(EventStreamEncoder.EncodeException("throttlingException", "{\"message\":\"Too many requests, please wait before trying again.\"}"))
            .ToArray();
        var seen = 0;

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var _ in new BedrockConverseAdapter().ReadStreamAsync(new ChunkedReadStream(data, 9), Call(), CancellationToken.None))
            {
                seen++;
            }
        });

        Assert.Equal(1, seen);
        Assert.Equal(LiteLLMErrorKind.RateLimitError, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("Too many requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadStream_ValidationExceptionFrame_ThrowsBadRequest()
    {
        var data = EventStreamEncoder.EncodeException("validationException", "{\"message\":\"The model returned the following errors: invalid tool input\"}");

        var error = await Assert.ThrowsAsync<ProviderException>(() => Read(data));

        Assert.Equal(LiteLLMErrorKind.BadRequestError, error.Kind);
        Assert.Contains("validationException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadStream_FrameWithInvalidJsonPayload_ThrowsApiError()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(() => Read(EventStreamEncoder.EncodeEvent("contentBlockDelta", "{\"delta\":")));

        Assert.Equal(LiteLLMErrorKind.APIError, error.Kind);
    }

    [Fact]
    public async Task ReadStream_CorruptedFrame_ThrowsProviderException()
    {
        var data = Frames("converse-stream-events.json");
        data[data.Length / 2] ^= 0xFF;

        await Assert.ThrowsAsync<ProviderException>(() => Read(data));
    }

    [Fact]
    public async Task ReadStream_JsonToolCall_StreamsInputAsContent()
    {
        var data = new[]
        {
            EventStreamEncoder.EncodeEvent("messageStart", "{\"role\":\"assistant\"}"),
            EventStreamEncoder.EncodeEvent("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":\"t1\",\"name\":\"json_tool_call\"}}}"),
            EventStreamEncoder.EncodeEvent("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":{\"input\":\"{\\\"title\\\":\"}}}"),
            EventStreamEncoder.EncodeEvent("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":{\"input\":\"\\\"X\\\"}\"}}}"),
            EventStreamEncoder.EncodeEvent("messageStop", "{\"stopReason\":\"tool_use\"}"),
        }.SelectMany(f => f).ToArray();

        var chunks = await Read(data);

        Assert.Equal("{\"title\":\"X\"}", chunks[1]["choices"]![0]!["delta"]!["content"]!.GetValue<string>() + chunks[2]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", chunks[3]["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }
}
