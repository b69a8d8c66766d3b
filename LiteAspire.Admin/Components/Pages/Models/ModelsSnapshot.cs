using LiteAspire.Admin.ProxyApi.Models;

namespace LiteAspire.Admin.Components.Pages.Models;

/// <summary>
/// What the models page loaded: the deployments, and their health and cooldowns when the operator may read them
/// (else why not). Kept across prerendering (JSON), so the interactive render does not ask again.
/// </summary>
public sealed record ModelsSnapshot(
    ModelInfoList Models,
    LatestHealthAnswer? Health,
    string? HealthError,
    CooldownList? Cooldowns,
    string? CooldownError);

/// <summary>The outcome of a "Test" click: a real call to one deployment through the proxy's <c>/health?model_id=</c>.</summary>
public sealed record ModelTestResult(bool Healthy, double ElapsedMs, string? Error);
