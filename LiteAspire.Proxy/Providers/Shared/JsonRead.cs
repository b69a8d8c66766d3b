using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Shared;

/// <summary>Tolerant typed reads of <see cref="JsonNode"/>s from client or upstream bodies: a wrong type reads as absent instead of throwing.</summary>
internal static class JsonRead
{
    /// <summary>The string value, or null when the node is absent or not a string.</summary>
    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The integer value (a fraction truncated), or null when the node is absent or not a number.</summary>
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

    /// <summary>The number as a whole <see cref="long"/>, or 0 when absent, not a number, or a fraction.</summary>
    public static long LongOrZero(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out var number) ? number : 0;

    /// <summary>A property of an object; null when the node is absent or not an object (indexing a value or array would throw).</summary>
    public static JsonNode? Prop(this JsonNode? node, string key) => node is JsonObject obj ? obj[key] : null;

    /// <summary>True only for a JSON <c>true</c>.</summary>
    public static bool IsTrue(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    /// <summary>True only for a JSON <c>false</c>.</summary>
    public static bool IsFalse(JsonNode? node) => node?.GetValueKind() == JsonValueKind.False;
}
