using System.Text.Json.Serialization;

namespace LiteAspire.Proxy.Health;

/// <summary>LiteLLM's <c>GET /health/latest</c> body: the most recent check of each deployment, by deployment id.</summary>
public sealed record LatestHealthChecks(
    [property: JsonPropertyName("latest_health_checks")] IReadOnlyDictionary<string, LatestHealthCheck> Checks,
    [property: JsonPropertyName("total_models")] int TotalModels);

/// <summary>One deployment's latest check, in LiteLLM's <c>LiteLLM_HealthCheckTable</c> row shape.</summary>
public sealed record LatestHealthCheck(
    [property: JsonPropertyName("health_check_id")] string HealthCheckId,
    [property: JsonPropertyName("model_name")] string ModelName,
    [property: JsonPropertyName("model_id")] string ModelId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("healthy_count")] int HealthyCount,
    [property: JsonPropertyName("unhealthy_count")] int UnhealthyCount,
    [property: JsonPropertyName("error_message")] string? ErrorMessage,
    [property: JsonPropertyName("response_time_ms")] double ResponseTimeMs,
    [property: JsonPropertyName("details")] object? Details,
    [property: JsonPropertyName("checked_by")] string? CheckedBy,
    [property: JsonPropertyName("checked_at")] DateTimeOffset CheckedAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    /// <summary>LiteLLM's <c>checked_by</c> for the background loop's rows.</summary>
    public const string BackgroundCheckedBy = "background_health_check";

    // LiteLLM keeps the first 500 characters of the error.
    private const int MaxErrorLength = 500;

    /// <summary>The row for <paramref name="check"/>, made at <paramref name="checkedAt"/> by <paramref name="checkedBy"/>.</summary>
    public static LatestHealthCheck From(DeploymentCheck check, DateTimeOffset checkedAt, string? checkedBy)
    {
        ArgumentNullException.ThrowIfNull(check);
        var healthy = check.Result.Status == ProbeStatus.Healthy;
        var error = check.Result.Error is { Length: > MaxErrorLength } text ? text[..MaxErrorLength] : check.Result.Error;
        return new LatestHealthCheck(Guid.NewGuid().ToString(), check.Entry.Source.ModelName, check.DeploymentId, healthy ? "healthy" : "unhealthy",
            healthy ? 1 : 0, healthy ? 0 : 1, error, check.Result.Elapsed.TotalMilliseconds, null, checkedBy, checkedAt, checkedAt);
    }
}
