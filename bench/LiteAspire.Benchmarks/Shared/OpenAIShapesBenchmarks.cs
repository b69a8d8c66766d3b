using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

using BenchmarkDotNet.Attributes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Benchmarks.Shared;

/// <summary>Building and serializing the OpenAI objects adapters return: once per streamed chunk, once per completion.</summary>
[MemoryDiagnoser]
public class OpenAIShapesBenchmarks
{
    private const string Id = "chatcmpl-0123456789abcdef0123456789abcdef";
    private const string Model = "gpt-4o-mini";
    private readonly ArrayBufferWriter<byte> _sink = new(4096);

    [Benchmark(Description = "content chunk: build + serialize")]
    public long ContentChunk()
    {
        var chunk = OpenAIShapes.Chunk(Id, Model, 1694268190, new JsonObject { ["content"] = "Hello" });
        return Serialize(chunk);
    }

    [Benchmark(Description = "usage chunk: build + serialize")]
    public long UsageChunk()
    {
        var chunk = OpenAIShapes.UsageChunk(Id, Model, 1694268190, OpenAIShapes.Usage(120, 48, cachedTokens: 64));
        return Serialize(chunk);
    }

    [Benchmark(Description = "chat.completion with a tool call: build + serialize")]
    public long CompletionWithToolCall()
    {
        var toolCalls = new JsonArray { OpenAIShapes.ToolCall("call_abc123", "get_current_weather", """{"location":"Boston, MA"}""") };
        var completion = OpenAIShapes.ChatCompletion(Id, Model, 1694268190,
            [(OpenAIShapes.AssistantMessage(null, toolCalls), FinishReasons.Map("tool_use"))], OpenAIShapes.Usage(82, 17));
        return Serialize(completion);
    }

    private long Serialize(JsonNode node)
    {
        _sink.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_sink))
        {
            node.WriteTo(writer);
        }

        return _sink.WrittenCount;
    }
}
