using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Settings;

/// <summary>One entry of the <c>fields</c> list LiteLLM's settings routes answer (<c>RouterSettingsField</c>, <c>CacheSettingsField</c>).</summary>
/// <param name="Name">The setting's name in config.yaml.</param>
/// <param name="Type">LiteLLM's type name: String, Integer, Float, Boolean, List, Dictionary.</param>
/// <param name="UiName">The name a dashboard shows.</param>
/// <param name="Description">What it does.</param>
/// <param name="Default">Its value when config.yaml does not set it.</param>
/// <param name="Options">The values it may take, when a closed set.</param>
public sealed record SettingsField(string Name, string Type, string UiName, string Description, object? Default = null, IReadOnlyList<string>? Options = null)
{
    /// <summary>The field in LiteLLM's shape, with its current <paramref name="value"/>.</summary>
    public JsonObject ToJson(JsonNode? value) => new()
    {
        ["field_name"] = Name,
        ["field_type"] = Type,
        ["field_value"] = value?.DeepClone(),
        ["field_description"] = Description,
        ["field_default"] = Default is null ? null : JsonSerializer.SerializeToNode(Default),
        ["options"] = Options is null ? null : new JsonArray([.. Options.Select(option => JsonValue.Create(option))]),
        ["ui_field_name"] = UiName,
        ["link"] = null,
    };

    /// <summary>Every field of <paramref name="fields"/> with its value from <paramref name="values"/>.</summary>
    public static JsonArray ToJson(IEnumerable<SettingsField> fields, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(values);
        return new JsonArray([.. fields.Select(field => field.ToJson(values[field.Name]))]);
    }
}
