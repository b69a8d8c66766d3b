using System.Text.Json;

namespace LiteAspire.Admin.ProxyApi.Settings;

/// <summary>One setting of LiteLLM's <c>fields</c> lists (<c>/router/settings</c>, <c>/cache/settings</c>).</summary>
public sealed record SettingsField(
    string FieldName,
    string? FieldType,
    JsonElement? FieldValue,
    string? FieldDescription,
    JsonElement? FieldDefault,
    IReadOnlyList<string>? Options,
    string? UiFieldName);

/// <summary>The proxy's <c>GET /router/settings</c>.</summary>
public sealed record RouterSettingsAnswer(IReadOnlyList<SettingsField> Fields, IReadOnlyDictionary<string, JsonElement>? CurrentValues);

/// <summary>The proxy's <c>GET /cache/settings</c>: <c>current_values</c> is empty when response caching is off.</summary>
public sealed record CacheSettingsAnswer(IReadOnlyList<SettingsField> Fields, IReadOnlyDictionary<string, JsonElement>? CurrentValues);

/// <summary>The proxy's <c>GET /get/config/callbacks</c> (its <c>router_settings</c> are read from <c>/router/settings</c> instead).</summary>
public sealed record ConfigCallbacks(string? Status, IReadOnlyList<CallbackSetting>? Callbacks, IReadOnlyList<CallbackSetting>? Alerts);

/// <summary>A logging callback or an alert, with its environment variables (credentials redacted by the proxy).</summary>
public sealed record CallbackSetting(string Name, IReadOnlyDictionary<string, string?>? Variables, string? Type);
