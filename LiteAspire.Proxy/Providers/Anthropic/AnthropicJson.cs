using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>Tolerant readers for JSON nodes from either side of the Anthropic translation (wrong types read as absent).</summary>
internal static class AnthropicJson
{
    /// <summary>The string value, or null when the node is absent or not a string.</summary>
    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The integer value, or null when the node is absent or not a number.</summary>
    public static long? Long(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        return value.TryGetValue<double>(out var d) ? (long)d : null;
    }

    /// <summary>A property of an object; null when the node is absent or not an object (indexing a value or array would throw).</summary>
    public static JsonNode? Prop(this JsonNode? node, string key) => node is JsonObject obj ? obj[key] : null;

    /// <summary>True only for a JSON <c>true</c>.</summary>
    public static bool IsTrue(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    /// <summary>True only for a JSON <c>false</c>.</summary>
    public static bool IsFalse(JsonNode? node) => node?.GetValueKind() == JsonValueKind.False;

    /// <summary>A deep copy, so a node can be placed under a new parent; null stays null.</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>Parses tool-call arguments into an object; empty or invalid JSON becomes <c>{}</c> (Anthropic requires an object).</summary>
    public static JsonObject ParseArguments(string? arguments)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(arguments) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Splits <c>data:image/png;base64,AAAA</c> into its media type and payload; false for anything else.</summary>
    public static bool TryParseDataUrl(string url, out string mediaType, out string data)
    {
        mediaType = "";
        data = "";
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var comma = url.IndexOf(',', StringComparison.Ordinal);
        var marker = url.IndexOf(";base64", StringComparison.OrdinalIgnoreCase);
        if (comma < 0 || marker < 0 || marker > comma)
        {
            return false;
        }

        mediaType = url[5..marker];
        data = url[(comma + 1)..];
        return true;
    }
}
