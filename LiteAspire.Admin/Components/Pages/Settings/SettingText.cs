using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Admin.Components.Pages.Settings;

/// <summary>
/// A setting's value as the settings page shows it. The proxy redacts credentials already; this page redacts again any
/// value whose name marks a credential (or that looks like a key), so a proxy that forgot one still shows nothing secret.
/// </summary>
public static class SettingText
{
    /// <summary>What a credential is shown as (the proxy's and LiteLLM's marker).</summary>
    public const string Redacted = "***REDACTED***";

    private static readonly string[] s_secretParts =
        ["key", "secret", "password", "passwd", "token", "credential", "auth", "webhook", "header", "dsn", "connection_string", "cookie"];

    /// <summary>True when a setting called <paramref name="name"/> holds a credential.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_secretParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the value is absent.</summary>
    public static bool IsUnset(JsonElement? value) => value is null || value.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>The value of setting <paramref name="name"/> as text: "not set", the text, or compact JSON; credentials redacted.</summary>
    public static string Show(string name, JsonElement? value)
    {
        if (IsUnset(value))
        {
            return "not set";
        }

        if (IsSecretName(name))
        {
            return Redacted;
        }

        var node = JsonNode.Parse(value!.Value.GetRawText());
        return node is JsonValue text && text.GetValueKind() == JsonValueKind.String
            ? Masked(text.GetValue<string>())
            : Masked(node)?.ToJsonString() ?? "not set";
    }

    /// <summary>A variable's value (a string) as text, credentials redacted.</summary>
    public static string Show(string name, string? value) =>
        value is null ? "not set" : IsSecretName(name) ? Redacted : Masked(value);

    private static string Masked(string text) => text.StartsWith("sk-", StringComparison.Ordinal) ? Redacted : text;

    // A copy of the node with every credential redacted.
    private static JsonNode? Masked(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.Select(pair => KeyValuePair.Create(pair.Key,
            pair.Value is not null && IsSecretName(pair.Key) ? (JsonNode?)Redacted : Masked(pair.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Masked)]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Masked(value.GetValue<string>()),
        _ => node?.DeepClone(),
    };
}
