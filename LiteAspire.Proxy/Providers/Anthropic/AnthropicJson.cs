using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>Anthropic-specific JSON helpers (typed reads live in <see cref="Shared.JsonRead"/>).</summary>
internal static class AnthropicJson
{
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
}
