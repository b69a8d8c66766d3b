using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>What one Gemini candidate (or one streamed slice of it) says, in OpenAI terms.</summary>
internal struct GeminiCandidate
{
    /// <summary>Answer text (non-thought text parts, concatenated), or null when none.</summary>
    public string? Text;

    /// <summary>Thought summaries (<c>thought: true</c> parts), or null when none.</summary>
    public string? Reasoning;

    /// <summary>OpenAI tool calls for the <c>functionCall</c> parts, or null when none.</summary>
    public JsonArray? ToolCalls;

    /// <summary>Reads the parts of <c>candidate.content</c>; tool calls are numbered from <paramref name="firstToolIndex"/> when <paramref name="indexed"/> (stream deltas).</summary>
    public static GeminiCandidate Read(JsonNode? candidate, bool indexed, int firstToolIndex)
    {
        var result = default(GeminiCandidate);
        if (candidate?["content"]?["parts"] is not JsonArray parts)
        {
            return result;
        }

        // No LINQ: this runs once per streamed event.
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part is null)
            {
                continue;
            }

            if (part["functionCall"] is JsonObject functionCall)
            {
                var id = functionCall["id"]?.GetValue<string>() ?? OpenAIShapes.NewToolCallId();
                if ((part["thoughtSignature"] ?? part["thought_signature"])?.GetValue<string>() is { Length: > 0 } signature)
                {
                    id = GeminiThoughtSignatures.Encode(id, signature);
                }

                var name = functionCall["name"]?.GetValue<string>() ?? "";
                var arguments = functionCall["args"]?.ToJsonString() ?? "{}";
                result.ToolCalls ??= [];
                result.ToolCalls.Add(OpenAIShapes.ToolCall(id, name, arguments, indexed ? firstToolIndex + result.ToolCalls.Count : null));
                continue;
            }

            if (part["text"] is { } textNode && textNode.GetValueKind() == JsonValueKind.String)
            {
                var text = textNode.GetValue<string>();
                if (part["thought"]?.GetValueKind() == JsonValueKind.True)
                {
                    result.Reasoning = result.Reasoning is null ? text : result.Reasoning + text;
                }
                else
                {
                    result.Text = result.Text is null ? text : result.Text + text;
                }
            }
        }

        return result;
    }

    /// <summary>OpenAI usage for Gemini's <c>usageMetadata</c>. Thought tokens count as completion tokens (billed as output, as LiteLLM counts them) and are reported as reasoning tokens.</summary>
    public static JsonObject? Usage(JsonNode? usageMetadata)
    {
        if (usageMetadata is not JsonObject usage)
        {
            return null;
        }

        var prompt = Long(usage["promptTokenCount"]) ?? 0;
        var candidates = Long(usage["candidatesTokenCount"]) ?? 0;
        var thoughts = Long(usage["thoughtsTokenCount"]);
        return OpenAIShapes.Usage(prompt, candidates + (thoughts ?? 0), Long(usage["cachedContentTokenCount"]), thoughts);
    }

    /// <summary>OpenAI <c>logprobs</c> for Gemini's <c>logprobsResult</c>, or null.</summary>
    public static JsonObject? Logprobs(JsonNode? candidate)
    {
        if (candidate?["logprobsResult"]?["chosenCandidates"] is not JsonArray chosen)
        {
            return null;
        }

        var top = candidate["logprobsResult"]?["topCandidates"] as JsonArray;
        var content = new JsonArray();
        for (var i = 0; i < chosen.Count; i++)
        {
            var entry = Token(chosen[i]);
            var alternatives = new JsonArray();
            if (top is not null && i < top.Count && top[i]?["candidates"] is JsonArray options)
            {
                foreach (var option in options)
                {
                    alternatives.Add(Token(option));
                }
            }

            entry["top_logprobs"] = alternatives;
            content.Add(entry);
        }

        return new JsonObject { ["content"] = content };
    }

    private static JsonObject Token(JsonNode? token) => new()
    {
        ["token"] = token?["token"]?.GetValue<string>() ?? "",
        ["logprob"] = token?["logProbability"]?.GetValue<double>() ?? 0,
        ["bytes"] = null,
    };

    private static long? Long(JsonNode? node) => node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<long>() : null;
}
