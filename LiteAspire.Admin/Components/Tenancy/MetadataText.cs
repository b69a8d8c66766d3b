using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Admin.Components.Tenancy;

/// <summary>Metadata edited as JSON text in a form.</summary>
public static class MetadataText
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>The metadata as the form shows it (empty for none).</summary>
    public static string Of(JsonObject? metadata) => metadata is { Count: > 0 } ? metadata.ToJsonString(s_indented) : string.Empty;

    /// <summary>The object the text holds (empty text: an empty object); <see cref="FormatException"/> when it is not a JSON object.</summary>
    public static JsonObject Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new FormatException("Metadata must be a JSON object, e.g. {\"cost_center\": \"42\"}.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Metadata is not valid JSON: {e.Message}", e);
        }
    }
}
