using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>
/// Gemini's <c>streamGenerateContent?alt=sse</c> events (each a partial <c>GenerateContentResponse</c>, no <c>[DONE]</c>) as OpenAI
/// <c>chat.completion.chunk</c>s: role on the first chunk of each choice, text/thoughts as deltas, each <c>functionCall</c> as a
/// complete indexed tool call, and a final usage chunk from the last <c>usageMetadata</c>.
/// </summary>
public static class GeminiStreamTranslator
{
    /// <summary>Yields each translated chunk as soon as its upstream event arrives.</summary>
    public static async IAsyncEnumerable<JsonObject> TranslateAsync(Stream upstream, ChatCall call, string provider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var model = call.Request["model"]?.GetValue<string>() ?? call.Deployment.UpstreamModel;
        var created = OpenAIShapes.Now();
        string? id = null;
        JsonNode? lastUsage = null;
        // Per-choice state; n is almost always 1, so a list indexed by choice beats a dictionary.
        var started = new List<bool>(1);
        var toolCounts = new List<int>(1);

        await foreach (var sse in SseReader.ReadAsync(upstream, cancellationToken).ConfigureAwait(false))
        {
            if (sse.Data.Length == 0 || sse.Data == "[DONE]")
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(sse.Data);
            }
            catch (JsonException)
            {
                throw new ProviderException(LiteLLMErrorKind.APIError, provider, "malformed event in upstream stream", 500);
            }

            if (node is null)
            {
                continue;
            }

            if (node["error"] is JsonObject error)
            {
                throw GeminiErrors.FromErrorNode(error, provider);
            }

            id ??= node["responseId"]?.GetValue<string>() ?? OpenAIShapes.NewCompletionId();
            if (node["usageMetadata"] is JsonObject usage)
            {
                // Gemini repeats cumulative usage on every event; only the last one counts.
                lastUsage = usage;
            }

            if (node["candidates"] is JsonArray { Count: > 0 } candidates)
            {
                for (var i = 0; i < candidates.Count; i++)
                {
                    var candidate = candidates[i];
                    var index = candidate?["index"]?.GetValueKind() == JsonValueKind.Number ? candidate["index"]!.GetValue<int>() : i;
                    while (started.Count <= index)
                    {
                        started.Add(false);
                        toolCounts.Add(0);
                    }

                    var read = GeminiCandidate.Read(candidate, indexed: true, toolCounts[index]);
                    var delta = new JsonObject();
                    if (!started[index])
                    {
                        delta["role"] = "assistant";
                        started[index] = true;
                    }

                    if (read.Reasoning is not null)
                    {
                        delta["reasoning_content"] = read.Reasoning;
                    }

                    if (read.Text is not null)
                    {
                        delta["content"] = read.Text;
                    }

                    if (read.ToolCalls is not null)
                    {
                        delta["tool_calls"] = read.ToolCalls;
                        toolCounts[index] += read.ToolCalls.Count;
                    }

                    var upstreamFinish = candidate?["finishReason"]?.GetValue<string>();
                    var finish = upstreamFinish is null ? null : toolCounts[index] > 0 ? "tool_calls" : FinishReasons.Map(upstreamFinish);
                    if (delta.Count == 0 && finish is null)
                    {
                        continue;
                    }

                    var chunk = OpenAIShapes.Chunk(id, model, created, delta, finish, index);
                    if (GeminiCandidate.Logprobs(candidate) is { } logprobs)
                    {
                        chunk["choices"]![0]!["logprobs"] = logprobs;
                    }

                    yield return chunk;
                }
            }
            else if (node["promptFeedback"]?["blockReason"] is not null)
            {
                yield return OpenAIShapes.Chunk(id, model, created, new JsonObject { ["role"] = "assistant", ["content"] = null }, "content_filter");
            }
        }

        if (GeminiCandidate.Usage(lastUsage) is { } finalUsage)
        {
            yield return OpenAIShapes.UsageChunk(id ?? OpenAIShapes.NewCompletionId(), model, created, finalUsage);
        }
    }
}
