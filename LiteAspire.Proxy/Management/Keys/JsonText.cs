using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>LiteLLM's JSON columns, kept as text by the EF model, to and from JSON nodes.</summary>
public static class JsonText
{
    /// <summary>The text stored for <paramref name="value"/>; null stores the empty object, as LiteLLM's defaults do.</summary>
    public static string Of(JsonObject? value) => value?.ToJsonString() ?? "{}";

    /// <summary>The stored JSON as a node; null for empty or malformed text.</summary>
    public static JsonNode? Parse(string? text)
    {
        try
        {
            return string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The stored JSON as an object; null unless it is one.</summary>
    public static JsonObject? ParseObject(string? text) => Parse(text) as JsonObject;
}
