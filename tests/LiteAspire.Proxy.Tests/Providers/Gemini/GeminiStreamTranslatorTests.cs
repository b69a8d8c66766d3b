using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Gemini;
using static LiteAspire.Proxy.Tests.Providers.Gemini.GoogleTestData;

namespace LiteAspire.Proxy.Tests.Providers.Gemini;

public class GeminiStreamTranslatorTests
{
    private static readonly ChatCall StreamCall = Call("""{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Explain how AI works"}],"stream":true}""");

    [Fact]
    public async Task TranslateAsync_DocumentedTextStream_YieldsRoleDeltasFinishAndUsage()
    {
        var chunks = await CollectAsync(GeminiStreamTranslator.TranslateAsync(Utf8(Fixture("stream-generate-content.sse")), StreamCall, "gemini", default));

        Assert.Equal(4, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("Kl74aMbKBp6q1dkPk9GJ-Qo", c["id"]!.GetValue<string>()));
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c["object"]!.GetValue<string>()));
        AssertJsonEqual(JsonNode.Parse("""{"role":"assistant","content":"AI learns"}""")!, chunks[0]["choices"]![0]!["delta"]);
        AssertJsonEqual(JsonNode.Parse("""{"content":" patterns from data"}""")!, chunks[1]["choices"]![0]!["delta"]);
        Assert.Null(chunks[1]["choices"]![0]!["finish_reason"]);
        Assert.Equal("stop", chunks[2]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        var text = string.Concat(chunks.Take(3).Select(c => c["choices"]![0]!["delta"]!["content"]!.GetValue<string>()));
        Assert.Equal("AI learns patterns from data to make predictions or decisions.", text);
        Assert.Empty(chunks[3]["choices"]!.AsArray());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":8,"completion_tokens":12,"total_tokens":20}""")!, chunks[3]["usage"]);
    }

    [Fact]
    public async Task TranslateAsync_DocumentedFunctionCallStream_YieldsCompleteIndexedToolCall()
    {
        var chunks = await CollectAsync(GeminiStreamTranslator.TranslateAsync(Utf8(Fixture("function-calling.sse")), StreamCall, "gemini", default));

        var choice = chunks[0]["choices"]![0]!;
        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal("assistant", choice["delta"]!["role"]!.GetValue<string>());
        var toolCall = choice["delta"]!["tool_calls"]!.AsArray().Single()!;
        Assert.Equal(0, toolCall["index"]!.GetValue<int>());
        Assert.StartsWith("call_", toolCall["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("schedule_meeting", toolCall["function"]!["name"]!.GetValue<string>());
        Assert.Equal("Q3 planning", JsonNode.Parse(toolCall["function"]!["arguments"]!.GetValue<string>())!["topic"]!.GetValue<string>());
        Assert.Equal(29L, chunks[^1]["usage"]!["completion_tokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task TranslateAsync_ToolCallsAcrossEvents_AreNumberedConsecutively()
    {
        const string sse = """
            data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"a","args":{}}}]}}]}

            data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"b","args":{"x":1}}}]},"finishReason":"STOP"}]}


            """;

        var chunks = await CollectAsync(GeminiStreamTranslator.TranslateAsync(Utf8(sse), StreamCall, "gemini", default));

        Assert.Equal(0, chunks[0]["choices"]![0]!["delta"]!["tool_calls"]![0]!["index"]!.GetValue<int>());
        Assert.Equal(1, chunks[1]["choices"]![0]!["delta"]!["tool_calls"]![0]!["index"]!.GetValue<int>());
        Assert.Equal("{\"x\":1}", chunks[1]["choices"]![0]!["delta"]!["tool_calls"]![0]!["function"]!["arguments"]!.GetValue<string>());
        Assert.Equal("tool_calls", chunks[1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task TranslateAsync_ThoughtParts_StreamAsReasoningContent()
    {
        const string sse = """
            data: {"candidates":[{"content":{"role":"model","parts":[{"text":"Thinking about primes","thought":true}]}}]}

            data: {"candidates":[{"content":{"role":"model","parts":[{"text":"11"}]},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":1,"thoughtsTokenCount":20}}


            """;

        var chunks = await CollectAsync(GeminiStreamTranslator.TranslateAsync(Utf8(sse), StreamCall, "gemini", default));

        Assert.Equal("Thinking about primes", chunks[0]["choices"]![0]!["delta"]!["reasoning_content"]!.GetValue<string>());
        Assert.Equal("11", chunks[1]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":5,"completion_tokens":21,"total_tokens":26,"completion_tokens_details":{"reasoning_tokens":20}}""")!,
            chunks[2]["usage"]);
    }

    [Fact]
    public async Task TranslateAsync_ErrorEventMidStream_ThrowsProviderException()
    {
        const string sse = """
            data: {"candidates":[{"content":{"role":"model","parts":[{"text":"Hel"}]}}]}

            data: {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}


            """;

        var error = await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(GeminiStreamTranslator.TranslateAsync(Utf8(sse), StreamCall, "gemini", default)));

        Assert.Equal(LiteLLMErrorKind.ServiceUnavailableError, error.Kind);
        Assert.Equal(503, error.StatusCode);
    }

    [Fact]
    public async Task TranslateAsync_BlockedPrompt_YieldsContentFilterChunk()
    {
        var sse = "data: " + Fixture("prompt-blocked.response.json").ReplaceLineEndings(" ") + "\n\n";

        var chunks = await CollectAsync(GeminiStreamTranslator.TranslateAsync(Utf8(sse), StreamCall, "gemini", default));

        Assert.Equal("content_filter", chunks[0]["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task TranslateAsync_FirstEvent_IsYieldedBeforeTheStreamEnds()
    {
        var pipe = new Pipe();
        await using var enumerator = GeminiStreamTranslator.TranslateAsync(pipe.Reader.AsStream(), StreamCall, "gemini", default).GetAsyncEnumerator();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"first\"}]}}]}\n\n"));

        var moved = enumerator.MoveNextAsync().AsTask();
        var finished = await Task.WhenAny(moved, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(moved, finished);
        Assert.True(await moved);
        Assert.Equal("first", enumerator.Current["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        await pipe.Writer.CompleteAsync();
        Assert.False(await enumerator.MoveNextAsync());
    }
}
