using System.Text.Json.Serialization;

namespace LiteAspire.Admin.ProxyApi;

/// <summary>The proxy's <c>GET /health/readiness</c> answer (LiteLLM's shape).</summary>
public sealed record ProxyReadiness(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("db")] string? Db,
    [property: JsonPropertyName("cache")] string? Cache,
    [property: JsonPropertyName("litellm_version")] string? LiteLLMVersion,
    [property: JsonPropertyName("last_updated")] string? LastUpdated);
