using System.Text.Json.Serialization;

namespace LiteAspire.Admin.ProxyApi;

/// <summary>What the admin learned asking the proxy for its readiness: the answer, or why there was none.</summary>
/// <param name="Reachable">True when the proxy answered with a readiness body (HTTP 2xx).</param>
/// <param name="BaseAddress">The address asked (normally <c>http://proxy</c>, resolved by service discovery).</param>
/// <param name="StatusCode">The HTTP status the proxy answered with, or null when it did not answer.</param>
/// <param name="Readiness">The readiness body, when <paramref name="Reachable"/>.</param>
/// <param name="Error">Why the proxy is not ready or could not be reached.</param>
public sealed record ProxyStatus(
    [property: JsonPropertyName("reachable")] bool Reachable,
    [property: JsonPropertyName("base_address")] string? BaseAddress,
    [property: JsonPropertyName("status_code")] int? StatusCode,
    [property: JsonPropertyName("readiness")] ProxyReadiness? Readiness,
    [property: JsonPropertyName("error")] string? Error);
