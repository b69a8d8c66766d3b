using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

using LiteAspire.Proxy.AnthropicApi;

using static LiteAspire.Proxy.Tests.AnthropicApi.AnthropicApiTestData;
using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.AnthropicApi;

public class OpenAIChunksToAnthropicEventsTests
{
    [Fact]
    public async Task Translate_DocsTextStream_DocumentedEventSequence()
    {
        var events = await EventsAsync(Chunks("openai-stream-text.txt"));

        Assert.Equal(
            ["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events.Select(e => e.Name));
        Assert.All(events, e => Assert.Equal(e.Name, e.Data["type"]!.GetValue<string>()));
        var start = events[0].Data["message"]!;
        Assert.Equal("msg_123", start["id"]!.GetValue<string>());
        Assert.Equal("gpt-4o-mini", start["model"]!.GetValue<string>());
        Assert.Empty(start["content"]!.AsArray());
        AssertJsonEqual(JsonNode.Parse("""{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""), events[1].Data);
        AssertJsonEqual(JsonNode.Parse("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}"""), events[2].Data);
        AssertJsonEqual(JsonNode.Parse("""{"type":"content_block_stop","index":0}"""), events[4].Data);
        AssertJsonEqual(JsonNode.Parse("""
            {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},
             "usage":{"input_tokens":9,"output_tokens":2,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}
            """), events[5].Data);
    }

    [Fact]
    public async Task Translate_DocsToolCallStream_ToolUseBlockWithInputJsonDeltas()
    {
        var events = await EventsAsync(Chunks("openai-stream-tool-calls.txt"));

        AssertJsonEqual(JsonNode.Parse("""
            {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"call_DdmO9pD3xa9XTPNJ32zg2hcA","name":"get_weather","input":{}}}
            """), events[1].Data);
        var partials = events.Where(e => e.Name == "content_block_delta").Select(e => e.Data["delta"]!).ToList();
        Assert.All(partials, d => Assert.Equal("input_json_delta", d["type"]!.GetValue<string>()));
        AssertJsonEqual(JsonNode.Parse("""{"location":"Paris, France"}"""),
            JsonNode.Parse(string.Concat(partials.Select(d => d["partial_json"]!.GetValue<string>()))));
        var delta = events.Single(e => e.Name == "message_delta").Data;
        Assert.Equal("tool_use", delta["delta"]!["stop_reason"]!.GetValue<string>());
        Assert.Equal(17, delta["usage"]!["output_tokens"]!.GetValue<long>());
        Assert.Equal("message_stop", events[^1].Name);
    }

    [Fact]
    public async Task Translate_TextThenTwoToolCalls_EachBlockClosedBeforeTheNextOpens()
    {
        var chunks = new[]
        {
            Chunk("""{"content":"Let me look."}"""),
            Chunk("""{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"a","arguments":"{}"}}]}"""),
            Chunk("""{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"b","arguments":"{\"x\":1}"}}]}"""),
            Chunk("{}", "tool_calls"),
        };

        var events = await EventsAsync(chunks);

        Assert.Equal(
            ["message_start", "content_block_start", "content_block_delta", "content_block_stop", "content_block_start", "content_block_delta",
             "content_block_stop", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events.Select(e => e.Name));
        Assert.Equal([0, 1, 2], events.Where(e => e.Name == "content_block_start").Select(e => e.Data["index"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Translate_ReasoningThenText_ThinkingBlockFirst()
    {
        var events = await EventsAsync([Chunk("""{"reasoning_content":"hmm"}"""), Chunk("""{"content":"ok"}"""), Chunk("{}", "stop")]);

        Assert.Equal("thinking", events[1].Data["content_block"]!["type"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"type":"thinking_delta","thinking":"hmm"}"""), events[2].Data["delta"]);
        Assert.Equal("text", events[4].Data["content_block"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Translate_EmptyStream_StillAWellFormedMessage()
    {
        var events = await EventsAsync([], model: "m");

        Assert.Equal(["message_start", "message_delta", "message_stop"], events.Select(e => e.Name));
        Assert.Equal("m", events[0].Data["message"]!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Translate_ChunkArrives_EventsEmittedBeforeStreamEnds()
    {
        var channel = Channel.CreateUnbounded<JsonObject>();
        var events = OpenAIChunksToAnthropicEvents.TranslateAsync(channel.Reader.ReadAllAsync(), "m", CancellationToken.None).GetAsyncEnumerator();
        await channel.Writer.WriteAsync(Chunk("""{"content":"live"}"""));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token));
        Assert.Equal("message_start", events.Current.Name);
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token));
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token));
        Assert.Equal("live", events.Current.Data["delta"]!["text"]!.GetValue<string>());

        channel.Writer.Complete();
        await events.DisposeAsync();
    }

    [Fact]
    public async Task SseWriter_Event_WrittenAsEventAndDataLines()
    {
        using var output = new MemoryStream();
        using (var writer = new AnthropicSseWriter(output))
        {
            await writer.WriteAsync(new AnthropicSseEvent("content_block_delta",
                (JsonObject)JsonNode.Parse("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"I'm + <ok>"}}""")!),
                CancellationToken.None);
            await writer.WriteAsync(new AnthropicSseEvent("message_stop", new JsonObject { ["type"] = "message_stop" }), CancellationToken.None);
        }

        Assert.Equal(
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"I'm + <ok>\"}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
            Encoding.UTF8.GetString(output.ToArray()));
    }

    private static JsonObject Chunk(string delta, string? finishReason = null)
    {
        var chunk = (JsonObject)JsonNode.Parse("""{"id":"chatcmpl-t","object":"chat.completion.chunk","created":1,"model":"gpt-x","choices":[{"index":0,"logprobs":null}]}""")!;
        chunk["choices"]![0]!["delta"] = JsonNode.Parse(delta);
        chunk["choices"]![0]!["finish_reason"] = finishReason;
        return chunk;
    }
}
