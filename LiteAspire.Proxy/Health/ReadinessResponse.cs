using System.Text.Json.Serialization;

namespace LiteAspire.Proxy.Health;

/// <summary>LiteLLM's <c>GET /health/readiness</c> body.</summary>
public sealed record ReadinessResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("db")] string Db,
    [property: JsonPropertyName("cache")] string? Cache,
    [property: JsonPropertyName("litellm_version")] string LiteLLMVersion,
    [property: JsonPropertyName("success_callbacks")] IReadOnlyList<string> SuccessCallbacks,
    [property: JsonPropertyName("last_updated")] DateTimeOffset LastUpdated);
