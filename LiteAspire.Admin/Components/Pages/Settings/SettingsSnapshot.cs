using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Settings;

namespace LiteAspire.Admin.Components.Pages.Settings;

/// <summary>What the settings page loaded, each part with why it is missing; kept from prerendering.</summary>
public sealed record SettingsSnapshot(
    ProxyStatus Status,
    RouterSettingsAnswer? Router,
    string? RouterError,
    CacheSettingsAnswer? Cache,
    string? CacheError,
    ConfigCallbacks? Callbacks,
    string? CallbacksError);
