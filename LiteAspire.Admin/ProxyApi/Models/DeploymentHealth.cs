namespace LiteAspire.Admin.ProxyApi.Models;

/// <summary>The proxy's <c>GET /health/latest</c>: the latest check of each deployment, by deployment id.</summary>
public sealed record LatestHealthAnswer(IReadOnlyDictionary<string, LatestHealthCheck> LatestHealthChecks, int TotalModels);

/// <summary>One deployment's latest check (background or on demand).</summary>
public sealed record LatestHealthCheck(
    string? ModelId,
    string? ModelName,
    string? Status,
    string? ErrorMessage,
    double? ResponseTimeMs,
    string? CheckedBy,
    DateTimeOffset? CheckedAt);

/// <summary>The proxy's <c>GET /health?model_id=</c>: the deployment is in one of the two lists.</summary>
public sealed record HealthCheckAnswer(IReadOnlyList<HealthEndpoint>? HealthyEndpoints, IReadOnlyList<HealthEndpoint>? UnhealthyEndpoints);

/// <summary>One endpoint of a health answer (LiteLLM's display allow-list; never a credential).</summary>
public sealed record HealthEndpoint(string? ModelId, string? Model, string? Error);
