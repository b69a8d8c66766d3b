using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Anthropic;

using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.Providers.Anthropic;

public class AnthropicStreamTranslatorTests
{
    private static readonly AnthropicChatAdapter Adapter = new(_ => null);

    private static ChatCall StreamCall() => Call(Provider("openai-basic-request.json"));

    private static Task<List<JsonObject>> ReadAsync(string fixture) =>
        CollectAsync(Adapter.ReadStreamAsync(Stream(fixture), StreamCall(), CancellationToken.None));

    private static string? Content(JsonObject chunk) => chunk["choices"]![0]!["delta"]!["content"]?.GetValue<string>();

    [Fact]
    public async Task ReadStream_DocsTextStream_RoleTextFinishAndUsageChunks()
    {
        var chunks = await ReadAsync("stream-text.txt");

        Assert.Equal(5, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", c["id"]!.GetValue<string>()));
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c["object"]!.GetValue<string>()));
        Assert.All(chunks, c => Assert.Equal("claude-opus-4-1", c["model"]!.GetValue<string>()));
        Assert.Equal("assistant", chunks[0]["choices"]![0]!["delta"]!["role"]!.GetValue<string>());
        Assert.Equal("Hello", Content(chunks[1]));
        Assert.Equal("!", Content(chunks[2]));
        Assert.Equal("stop", chunks[3]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Empty(chunks[4]["choices"]!.AsArray());
        AssertJsonEqual(JsonNode.Parse("""
            {"prompt_tokens":25,"completion_tokens":15,"total_tokens":40,"prompt_tokens_details":{"cached_tokens":0},
             "cache_creation_input_tokens":0,"cache_read_input_tokens":0}
            """), chunks[4]["usage"]);
    }

    [Fact]
    public async Task ReadStream_DocsToolUseStream_FirstToolDeltaHasIdAndNameThenArgumentFragments()
    {
        var chunks = await ReadAsync("stream-tool-use.txt");

        var toolDeltas = chunks
            .Where(c => c["choices"]!.AsArray().Count > 0 && c["choices"]![0]!["delta"]!["tool_calls"] is not null)
            .Select(c => c["choices"]![0]!["delta"]!["tool_calls"]![0]!)
            .ToList();
        var first = toolDeltas[0];
        Assert.Equal(0, first["index"]!.GetValue<int>());
        Assert.Equal("toolu_01T1x1fJ34qAmk2tNTrN7Up6", first["id"]!.GetValue<string>());
        Assert.Equal("function", first["type"]!.GetValue<string>());
        Assert.Equal("get_weather", first["function"]!["name"]!.GetValue<string>());
        Assert.All(toolDeltas.Skip(1), d => Assert.Equal(0, d["index"]!.GetValue<int>()));
        var arguments = string.Concat(toolDeltas.Select(d => d["function"]!["arguments"]!.GetValue<string>()));
        AssertJsonEqual(JsonNode.Parse("""{"location":"San Francisco, CA","unit":"fahrenheit"}"""), JsonNode.Parse(arguments));

        var text = string.Concat(chunks.Where(c => c["choices"]!.AsArray().Count > 0).Select(Content));
        Assert.Equal("Okay,  let's check the weather for San Francisco, CA:", text);
        Assert.Equal("tool_calls", chunks[^2]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(472, chunks[^1]["usage"]!["prompt_tokens"]!.GetValue<long>());
        Assert.Equal(89, chunks[^1]["usage"]!["completion_tokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task ReadStream_DocsThinkingStream_ReasoningContentThenTextAndCachedUsage()
    {
        var chunks = await ReadAsync("stream-thinking.txt");

        var deltas = chunks.Where(c => c["choices"]!.AsArray().Count > 0).Select(c => c["choices"]![0]!["delta"]!).ToList();
        var reasoning = string.Concat(deltas.Select(d => d["reasoning_content"]?.GetValue<string>()));
        Assert.Equal("Let me solve this step by step:\n\n1. First break down 27 * 453\n2. 453 = 400 + 50 + 3", reasoning);
        Assert.Contains(deltas, d => d["thinking_blocks"]?[0]?["signature"]?.GetValue<string>() is { } s && s.StartsWith("EqQBCgIYAhIM", StringComparison.Ordinal));
        Assert.Equal("27 * 453 = 12,231", string.Concat(deltas.Select(d => d["content"]?.GetValue<string>())));
        var usage = chunks[^1]["usage"]!;
        Assert.Equal(43, usage["prompt_tokens"]!.GetValue<long>());
        Assert.Equal(12, usage["prompt_tokens_details"]!["cached_tokens"]!.GetValue<long>());
        Assert.Equal(130, usage["completion_tokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task ReadStream_ErrorEvent_ThrowsOverloadedAsInternalServerErrorAfterEarlierChunks()
    {
        var received = new List<JsonObject>();

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var chunk in Adapter.ReadStreamAsync(Stream("stream-overloaded-error.txt"), StreamCall(), CancellationToken.None))
            {
                received.Add(chunk);
            }
        });

        Assert.Equal(LiteLLMErrorKind.InternalServerError, error.Kind);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("litellm.InternalServerError: AnthropicException - Overloaded", error.Message);
        Assert.Equal("Partial", Content(received[^1]));
    }

    [Fact]
    public async Task ReadStream_ChunksArriveBeforeUpstreamEnds_YieldedImmediately()
    {
        var pipe = new Pipe();
        var chunks = Adapter.ReadStreamAsync(pipe.Reader.AsStream(), StreamCall(), CancellationToken.None).GetAsyncEnumerator();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_live","model":"m","usage":{"input_tokens":3,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"first"}}


            """.Replace("\r\n", "\n", StringComparison.Ordinal)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await chunks.MoveNextAsync().AsTask().WaitAsync(timeout.Token));
        Assert.True(await chunks.MoveNextAsync().AsTask().WaitAsync(timeout.Token));
        Assert.Equal("first", Content(chunks.Current));

        await pipe.Writer.CompleteAsync();
        await chunks.DisposeAsync();
    }

    [Fact]
    public async Task ReadStream_JsonModeToolStream_ArgumentsStreamAsContent()
    {
        var request = Provider("openai-basic-request.json");
        request["response_format"] = JsonNode.Parse("""{"type":"json_object"}""");
        var sse = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_j","model":"m","usage":{"input_tokens":3,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_j","name":"json_tool_call","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"a\":"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"1}"}}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":5}}

            event: message_stop
            data: {"type":"message_stop"}


            """.Replace("\r\n", "\n", StringComparison.Ordinal);

        var chunks = await CollectAsync(Adapter.ReadStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(sse)), Call(request), CancellationToken.None));

        var choices = chunks.Where(c => c["choices"]!.AsArray().Count > 0).ToList();
        Assert.Equal("""{"a":1}""", string.Concat(choices.Select(Content)));
        Assert.DoesNotContain(choices, c => c["choices"]![0]!["delta"]!["tool_calls"] is not null);
        Assert.Equal("stop", choices[^1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadStream_EndsWithoutMessageStop_UsageChunkThenConnectionError()
    {
        var text = AnthropicFixtures.Text("Providers/Anthropic/Fixtures/stream-text.txt");
        var truncated = text[..text.IndexOf("event: content_block_stop", StringComparison.Ordinal)];
        var received = new List<JsonObject>();

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var chunk in Adapter.ReadStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(truncated)), StreamCall(), CancellationToken.None))
            {
                received.Add(chunk);
            }
        });

        Assert.Equal(LiteLLMErrorKind.APIConnectionError, error.Kind);
        Assert.Equal(25, received[^1]["usage"]!["prompt_tokens"]!.GetValue<long>());
    }
}
