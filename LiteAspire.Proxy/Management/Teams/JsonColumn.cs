using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>The JSON text columns of LiteLLM's tables, read as nodes for responses and edited as objects.</summary>
internal static class JsonColumn
{
    /// <summary>The column's value as a node; text that is not JSON reads as null.</summary>
    public static JsonNode? Parse(string? json)
    {
        try
        {
            return string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The column as an object to edit (a fresh empty one when it holds no object).</summary>
    public static JsonObject Object(string? json) => Parse(json) as JsonObject ?? [];

    /// <summary>A string from an object's property, or null.</summary>
    public static string? Text(JsonObject value, string name) =>
        value[name] is JsonValue text && text.TryGetValue<string>(out var result) ? result : null;

    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> serialized, or removes it when null.</summary>
    public static void Set<T>(JsonObject target, string name, T? value)
    {
        if (value is null)
        {
            target.Remove(name);
        }
        else
        {
            target[name] = JsonSerializer.SerializeToNode(value, ManagementJson.Options);
        }
    }
}
