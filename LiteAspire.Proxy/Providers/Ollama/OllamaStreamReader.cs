using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Ollama;

/// <summary>Translates Ollama's NDJSON stream (one JSON object per line, <c>done: true</c> last) into OpenAI chunks.</summary>
public static class OllamaStreamReader
{
    private const string Provider = "ollama";

    /// <summary>Yields a chunk per line as it arrives; the <c>done</c> line gives the finish chunk and the usage chunk.</summary>
    public static async IAsyncEnumerable<JsonObject> ReadAsync(Stream upstream, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = OpenAIShapes.NewCompletionId();
        var created = OpenAIShapes.Now();
        var toolCount = 0;
        var first = true;
        using var reader = new StreamReader(upstream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var item = ChatRequestParts.ParseUpstreamEvent(Provider, line);

            if (JsonRead.String(item["error"]) is { } error)
            {
                throw new ProviderException(LiteLLMErrors.Classify(500, error), Provider, error, 500);
            }

            var message = item["message"] as JsonObject;
            var delta = new JsonObject();
            if (first)
            {
                delta["role"] = "assistant";
                first = false;
            }

            if ((JsonRead.String(message?["content"]) ?? JsonRead.String(item["response"])) is { Length: > 0 } text)
            {
                delta["content"] = text;
            }

            if ((JsonRead.String(message?["thinking"]) ?? JsonRead.String(item["thinking"])) is { Length: > 0 } thinking)
            {
                delta["reasoning_content"] = thinking;
            }

            // Ollama sends each tool call whole, in one line.
            if (message?["tool_calls"] is JsonArray { Count: > 0 } calls)
            {
                var converted = OllamaChatResponse.ToolCalls(calls, toolCount);
                toolCount += converted.Count;
                delta["tool_calls"] = converted;
            }

            var done = item["done"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
            if (delta.Count > 0 || done)
            {
                var finish = done ? (toolCount > 0 ? "tool_calls" : OllamaChatResponse.FinishReason(item)) : null;
                yield return OpenAIShapes.Chunk(id, model, created, delta, finish);
            }

            if (done)
            {
                yield return OpenAIShapes.UsageChunk(id, model, created, OllamaChatResponse.Usage(item));
                yield break;
            }
        }
    }
}
