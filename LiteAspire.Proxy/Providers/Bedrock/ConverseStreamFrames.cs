using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>
/// Turns a complete Converse response into the ConverseStream frames Bedrock would send for it (messageStart, content
/// block events, messageStop, metadata), for fake upstreams and tests.
/// </summary>
public static class ConverseStreamFrames
{
    /// <summary>The frames, each already encoded with its CRCs; text is split into pieces of at most <paramref name="textPieceLength"/> characters.</summary>
    public static IEnumerable<byte[]> From(JsonNode converseResponse, int textPieceLength = 16)
    {
        ArgumentNullException.ThrowIfNull(converseResponse);
        ArgumentOutOfRangeException.ThrowIfLessThan(textPieceLength, 1);
        var message = converseResponse["output"]?["message"];
        yield return Event("messageStart", new JsonObject { ["role"] = JsonRead.String(message?["role"]) ?? "assistant" });
        var index = 0;
        foreach (var block in message?["content"] as JsonArray ?? [])
        {
            if (JsonRead.String(block?["text"]) is { } text)
            {
                for (var at = 0; at < text.Length; at += textPieceLength)
                {
                    var piece = text.Substring(at, Math.Min(textPieceLength, text.Length - at));
                    yield return Event("contentBlockDelta", new JsonObject { ["contentBlockIndex"] = index, ["delta"] = new JsonObject { ["text"] = piece } });
                }
            }
            else if (block?["toolUse"] is JsonObject toolUse)
            {
                yield return Event("contentBlockStart", new JsonObject
                {
                    ["contentBlockIndex"] = index,
                    ["start"] = new JsonObject { ["toolUse"] = new JsonObject { ["toolUseId"] = toolUse["toolUseId"]?.DeepClone(), ["name"] = toolUse["name"]?.DeepClone() } },
                });
                var input = toolUse["input"]?.ToJsonString() ?? "{}";
                yield return Event("contentBlockDelta", new JsonObject
                {
                    ["contentBlockIndex"] = index,
                    ["delta"] = new JsonObject { ["toolUse"] = new JsonObject { ["input"] = input } },
                });
            }
            else if (JsonRead.String(block?["reasoningContent"]?["reasoningText"]?["text"]) is { } thought)
            {
                yield return Event("contentBlockDelta", new JsonObject
                {
                    ["contentBlockIndex"] = index,
                    ["delta"] = new JsonObject { ["reasoningContent"] = new JsonObject { ["text"] = thought } },
                });
            }

            yield return Event("contentBlockStop", new JsonObject { ["contentBlockIndex"] = index });
            index++;
        }

        yield return Event("messageStop", new JsonObject { ["stopReason"] = converseResponse["stopReason"]?.DeepClone() ?? "end_turn" });
        var metadata = new JsonObject { ["usage"] = converseResponse["usage"]?.DeepClone() ?? new JsonObject() };
        if (converseResponse["metrics"] is { } metrics)
        {
            metadata["metrics"] = metrics.DeepClone();
        }

        yield return Event("metadata", metadata);
    }

    private static byte[] Event(string type, JsonObject payload) => EventStreamEncoder.EncodeEvent(type, payload.ToJsonString());
}
