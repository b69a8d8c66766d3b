using LiteAspire.Data.Database;
using LiteAspire.Data.Redis;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Errors;

using Microsoft.AspNetCore.Http.HttpResults;

namespace LiteAspire.Proxy.Health;

/// <summary>LiteLLM's public probes: <c>/health/liveliness</c>, <c>/health/liveness</c> and <c>/health/readiness</c>.</summary>
public static class LiteLLMHealthEndpoints
{
    /// <summary>
    /// Where the proxy serves ServiceDefaults' dependency checks (database, Redis): <c>/health</c> is LiteLLM's deployment
    /// health, so the orchestrator probes this path instead (<c>WithHttpHealthCheck</c> in the AppHost).
    /// </summary>
    public const string DependenciesPath = "/health/dependencies";

    /// <summary>The liveliness answer, a JSON string as LiteLLM sends it.</summary>
    public const string AliveMessage = "I'm alive!";

    /// <summary>Maps the probes (no authentication, as in LiteLLM).</summary>
    public static IEndpointRouteBuilder MapLiteLLMHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var health = endpoints.MapGroup("/health").WithTags("health");
        health.MapGet("/liveliness", Liveliness);
        health.MapGet("/liveness", Liveliness);
        health.MapGet("/readiness", ReadinessAsync);
        return endpoints;
    }

    /// <summary>The process answers.</summary>
    public static JsonHttpResult<string> Liveliness() => TypedResults.Json(AliveMessage);

    /// <summary>
    /// Ready to take traffic: "connected" when the database answers, "healthy" when none is configured; 503 when a configured
    /// database does not answer, unless <c>general_settings.allow_requests_on_db_unavailable</c> is set.
    /// </summary>
    public static async Task<IResult> ReadinessAsync(
        DatabaseStatus database, RedisStatus redis, ProxyConfig config, TimeProvider time, CancellationToken cancellationToken)
    {
        var cache = redis.IsConfigured ? "redis" : null;
        var connected = database.IsConfigured && await database.IsConnectedAsync(cancellationToken);
        if (database.IsConfigured && !connected && !config.GeneralSettings.AllowRequestsOnDbUnavailable)
        {
            return OpenAIError.Result(StatusCodes.Status503ServiceUnavailable,
                $"Service Unhealthy (database not reachable: {database.Connection!.Describe()})", "no_db_connection");
        }

        return TypedResults.Ok(new ReadinessResponse(
            Status: connected ? "connected" : "healthy",
            Db: connected ? "connected" : "Not connected",
            Cache: cache,
            LiteLLMVersion: ProxyVersion.Current,
            SuccessCallbacks: [],
            LastUpdated: time.GetUtcNow()));
    }
}
