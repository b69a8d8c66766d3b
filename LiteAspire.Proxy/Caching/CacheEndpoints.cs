using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Management;
using LiteAspire.Proxy.Pipeline;

namespace LiteAspire.Proxy.Caching;

/// <summary>LiteLLM's cache admin routes, proxy admins only: <c>GET /cache/ping</c>, <c>POST /cache/delete</c>, <c>POST /cache/flushall</c>.</summary>
public static class CacheEndpoints
{
    /// <summary>Maps the routes behind the error filter and auth.</summary>
    public static RouteGroupBuilder MapCacheEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var group = endpoints.MapGroup("/cache").WithTags(RouteAccess.ManagementTag);
        group.AddEndpointFilter(services.GetRequiredService<GatewayErrorFilter>());
        group.AddEndpointFilter(services.GetRequiredService<ProxyAuthFilter>());
        group.MapGet("/ping", PingAsync);
        group.MapPost("/delete", DeleteAsync);
        group.MapPost("/flushall", FlushAsync);
        return group;
    }

    private static async Task<IResult> PingAsync(HttpContext context, ResponseCache cache)
    {
        var store = Admitted(context, cache, "ping the cache");
        var parameters = cache.DescribeSettings();
        try
        {
            await store.PingAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new GatewayException(503, $"Service Unhealthy ({e.Message}).Cache parameters: {parameters.ToJsonString()}", "None", "None");
        }

        var answer = new JsonObject
        {
            ["status"] = "healthy",
            ["cache_type"] = cache.Settings!.TypeName,
        };
        if (cache.Settings.Backend == CacheBackend.Redis)
        {
            answer["ping_response"] = true;
            answer["set_cache_response"] = "success";
        }

        answer["litellm_cache_params"] = parameters;
        return JsonBody.Result(answer);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, ResponseCache cache, GatewaySettings settings)
    {
        var store = Admitted(context, cache, "delete cache keys");
        var body = await RequestBody.ReadObjectAsync(context.Request, settings.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        if (body["keys"] is not JsonArray list)
        {
            throw new GatewayException(400, "Cache Delete Failed(keys must be a list of cache keys)", "None", "keys");
        }

        var keys = new List<string>(list.Count);
        foreach (var key in list)
        {
            if (key is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                throw new GatewayException(400, "Cache Delete Failed(keys must be a list of cache keys)", "None", "keys");
            }

            keys.Add(value.GetValue<string>());
        }

        await Guarded(() => store.DeleteAsync(keys), "Cache Delete Failed").ConfigureAwait(false);
        return Success();
    }

    private static async Task<IResult> FlushAsync(HttpContext context, ResponseCache cache)
    {
        var store = Admitted(context, cache, "flush the cache");
        await Guarded(store.FlushAsync, "Service Unhealthy").ConfigureAwait(false);
        return Success();
    }

    private static ICacheStore Admitted(HttpContext context, ResponseCache cache, string action)
    {
        ManagementAccess.RequireAdmin(Caller.Of(context), action);
        return cache.Store ?? throw new GatewayException(503, "Cache not initialized. litellm.cache is None", "None", "None");
    }

    private static async Task Guarded(Func<ValueTask> action, string what)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new GatewayException(503, $"{what}({e.Message})", "None", "None");
        }
    }

    private static IResult Success() => JsonBody.Result(new JsonObject { ["status"] = "success" });
}
