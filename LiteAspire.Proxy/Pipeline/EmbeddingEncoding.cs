using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// <c>encoding_format: "base64"</c> for providers that only answer floats: the OpenAI SDKs ask for base64 by default, so a
/// float list would reach them where they expect a string. Base64 of little-endian float32, as OpenAI sends it.
/// </summary>
public static class EmbeddingEncoding
{
    /// <summary>Whether the client asked for base64 embeddings.</summary>
    public static bool WantsBase64(JsonObject request) =>
        request["encoding_format"] is JsonValue value && value.TryGetValue<string>(out var format) && format == "base64";

    /// <summary>Replaces every float-list <c>data[i].embedding</c> of an OpenAI embeddings list with its base64 form; strings stay as they are.</summary>
    public static void ToBase64(JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result["data"] is not JsonArray data)
        {
            return;
        }

        foreach (var item in data)
        {
            if (item is JsonObject entry && entry["embedding"] is JsonArray floats)
            {
                entry["embedding"] = Encode(floats);
            }
        }
    }

    private static string Encode(JsonArray floats)
    {
        var bytes = new byte[floats.Count * sizeof(float)];
        for (var i = 0; i < floats.Count; i++)
        {
            var value = floats[i] is JsonValue number && number.GetValueKind() == JsonValueKind.Number ? number.GetValue<float>() : 0f;
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), value);
        }

        return Convert.ToBase64String(bytes);
    }
}
