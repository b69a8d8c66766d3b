using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Caching;

/// <summary>
/// One stored answer in LiteLLM's layout, <c>{"timestamp": unix seconds, "response": ...}</c> (the response a JSON string for a
/// chat completion, an object for one embedding), plus the id of the deployment that produced it.
/// </summary>
/// <param name="Timestamp">When it was written (Unix seconds): <c>s-maxage</c> is checked against it.</param>
/// <param name="Response">The stored response.</param>
/// <param name="ModelId">The deployment that answered (<c>x-litellm-model-id</c> on a hit), when known.</param>
public sealed record CacheEntry(double Timestamp, JsonNode Response, string? ModelId)
{
    private static ReadOnlySpan<byte> Prefix => "{\"timestamp\""u8;

    /// <summary>The entry as stored.</summary>
    public byte[] ToBytes()
    {
        var json = new JsonObject
        {
            ["timestamp"] = Timestamp,
            ["response"] = Response.DeepClone(),
        };
        if (ModelId is not null)
        {
            json["model_id"] = ModelId;
        }

        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>Seconds since it was written.</summary>
    public double AgeSeconds(DateTimeOffset now) => now.ToUnixTimeMilliseconds() / 1000d - Timestamp;

    /// <summary>The response as an object (a stored JSON string is parsed); null when it is neither.</summary>
    public JsonObject? ResponseObject() => Response switch
    {
        JsonObject obj => obj,
        JsonValue text when text.GetValueKind() == JsonValueKind.String => Parse(text.GetValue<string>()) as JsonObject,
        _ => null,
    };

    /// <summary>Reads a stored entry; null when the bytes are not one (another program's key, a damaged value).</summary>
    public static CacheEntry? Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            if (JsonNode.Parse(bytes) is not JsonObject json || json["response"] is not { } response
                || json["timestamp"] is not JsonValue stamp || !stamp.TryGetValue<double>(out var timestamp))
            {
                return null;
            }

            json.Remove("response");
            return new CacheEntry(timestamp, response, json["model_id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="bytes"/> look like an entry (checked before deleting a key on flush).</summary>
    public static bool IsEntry(byte[] bytes) => bytes is not null && bytes.AsSpan().StartsWith(Prefix);

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
