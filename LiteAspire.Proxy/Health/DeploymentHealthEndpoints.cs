using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Routing;

using Microsoft.AspNetCore.Mvc;

namespace LiteAspire.Proxy.Health;

/// <summary>LiteLLM's deployment health routes, <c>GET /health</c> and <c>GET /health/latest</c>: authenticated, proxy admin only.</summary>
public static class DeploymentHealthEndpoints
{
    /// <summary>Maps the routes behind the error filter and auth.</summary>
    public static RouteGroupBuilder MapDeploymentHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("").WithTags("health");
        group.AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<GatewayErrorFilter>());
        group.AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<ProxyAuthFilter>());
        group.MapGet("/health", HealthAsync);
        group.MapGet("/health/latest", Latest);
        return group;
    }

    /// <summary>
    /// Calls every deployment (or those <c>?model=</c> / <c>?model_id=</c> name) with a tiny real request and lists which
    /// answered; with <c>background_health_checks</c>, answers the latest background run instead of calling.
    /// </summary>
    public static async Task<IResult> HealthAsync(HttpContext context, ModelRouter router, DeploymentHealthChecker checker, DeploymentHealthBoard board,
        HealthCheckSettings settings, [FromQuery] string? model, [FromQuery(Name = "model_id")] string? modelId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        AdminOnlyRoute.Require(caller, context.Request.Path);
        var deployments = router.Table.Deployments;
        if (modelId is { Length: > 0 } && !deployments.Any(d => d.Deployment.Id == modelId))
        {
            // LiteLLM's HTTPException(404) body.
            return TypedResults.NotFound(new Dictionary<string, object> { ["detail"] = new Dictionary<string, string> { ["error"] = $"Model with ID {modelId} not found" } });
        }

        if (settings.BackgroundChecks)
        {
            var latest = board.LatestBackgroundReport.Checks;
            return TypedResults.Ok(HealthResponse.From(HealthTargets.Narrow(latest, c => c.Entry, model, modelId), settings.Details));
        }

        var targets = HealthTargets.Narrow(HealthTargets.Checkable(deployments, background: false), e => e, model, modelId);
        var report = await checker.CheckAsync(targets, context.RequestAborted).ConfigureAwait(false);
        board.Record(report, caller.UserId);
        return TypedResults.Ok(HealthResponse.From(report.Checks, settings.Details));
    }

    /// <summary>The latest check of each deployment, background or on demand (kept in memory; LiteLLM reads it from its database).</summary>
    public static IResult Latest(HttpContext context, DeploymentHealthBoard board)
    {
        ArgumentNullException.ThrowIfNull(context);
        AdminOnlyRoute.Require(Caller.Of(context), context.Request.Path);
        var checks = board.LatestChecks.ToDictionary(StringComparer.Ordinal);
        return TypedResults.Ok(new LatestHealthChecks(checks, checks.Count));
    }
}
