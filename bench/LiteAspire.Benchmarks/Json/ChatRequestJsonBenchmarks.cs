using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using BenchmarkDotNet.Attributes;

namespace LiteAspire.Benchmarks.Json;

/// <summary>
/// What the proxy does to every chat request body before an adapter sees it: parse, set the upstream model and the
/// stream options, serialize. Compared with a read-only pass, which is the floor.
/// </summary>
[MemoryDiagnoser]
public class ChatRequestJsonBenchmarks
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""
        {
          "model": "gpt-4o-mini",
          "messages": [
            {"role": "system", "content": "You are a helpful assistant that answers briefly."},
            {"role": "user", "content": "What's the weather like in Boston today? Please include the temperature in both units."},
            {"role": "assistant", "content": null, "tool_calls": [{"id": "call_abc123", "type": "function", "function": {"name": "get_current_weather", "arguments": "{\"location\":\"Boston, MA\"}"}}]},
            {"role": "tool", "tool_call_id": "call_abc123", "content": "{\"temperature\": 22, \"unit\": \"celsius\"}"}
          ],
          "tools": [{"type": "function", "function": {"name": "get_current_weather", "description": "Get the current weather in a given location",
            "parameters": {"type": "object", "properties": {"location": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}}, "required": ["location"]}}}],
          "temperature": 0.2,
          "max_tokens": 256,
          "stream": true
        }
        """);

    private readonly ArrayBufferWriter<byte> _sink = new(4096);

    [Benchmark(Baseline = true, Description = "read-only: JsonDocument, read model and stream")]
    public bool ReadOnly()
    {
        using var document = JsonDocument.Parse(Body);
        var root = document.RootElement;
        return root.GetProperty("model").GetString()!.Length > 0 && root.GetProperty("stream").GetBoolean();
    }

    [Benchmark(Description = "JsonNode: parse, set model + stream_options, serialize")]
    public long ParseModifySerialize()
    {
        var request = JsonNode.Parse(Body)!.AsObject();
        request["model"] = "gpt-4o-mini-2024-07-18";
        request["stream_options"] = new JsonObject { ["include_usage"] = true };
        _sink.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_sink))
        {
            request.WriteTo(writer);
        }

        return _sink.WrittenCount;
    }
}
