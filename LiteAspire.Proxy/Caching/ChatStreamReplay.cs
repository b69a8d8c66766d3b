using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Caching;

/// <summary>
/// A cached <c>chat.completion</c> played back as a stream: per choice, one chunk with the whole message, one with its finish
/// reason, then the usage chunk when the client asked for <c>stream_options.include_usage</c>. Same shapes as a live stream.
/// </summary>
public static class ChatStreamReplay
{
    /// <summary>The chunks of <paramref name="completion"/>.</summary>
    public static async IAsyncEnumerable<JsonObject> ChunksOf(JsonObject completion, bool includeUsage)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var id = JsonRead.String(completion["id"]) ?? OpenAIShapes.NewCompletionId();
        var model = JsonRead.String(completion["model"]) ?? "";
        var created = JsonRead.Long(completion["created"]) ?? OpenAIShapes.Now();
        var fingerprint = JsonRead.String(completion["system_fingerprint"]);
        foreach (var choice in completion["choices"] as JsonArray ?? [])
        {
            var index = (int)(JsonRead.Long(choice.Prop("index")) ?? 0);
            var delta = choice.Prop("message") is JsonObject message ? (JsonObject)message.DeepClone() : new JsonObject { ["role"] = "assistant" };
            if (delta["tool_calls"] is JsonArray calls)
            {
                for (var i = 0; i < calls.Count; i++)
                {
                    if (calls[i] is JsonObject call)
                    {
                        call["index"] = i;
                    }
                }
            }

            yield return WithFingerprint(OpenAIShapes.Chunk(id, model, created, delta, null, index), fingerprint);
            yield return WithFingerprint(OpenAIShapes.Chunk(id, model, created, [], JsonRead.String(choice.Prop("finish_reason")) ?? "stop", index),
                fingerprint);
            // Lets a slow reader take each chunk as it would from a live stream.
            await Task.Yield();
        }

        if (includeUsage && completion["usage"] is JsonObject usage)
        {
            yield return WithFingerprint(OpenAIShapes.UsageChunk(id, model, created, (JsonObject)usage.DeepClone()), fingerprint);
        }
    }

    private static JsonObject WithFingerprint(JsonObject chunk, string? fingerprint)
    {
        if (fingerprint is not null)
        {
            chunk["system_fingerprint"] = fingerprint;
        }

        return chunk;
    }
}
