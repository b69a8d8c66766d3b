namespace LiteAspire.Proxy.Management.Keys;

/// <summary>LiteLLM's key management routes (<c>/key/*</c>).</summary>
public static class KeyEndpoints
{
    /// <summary>Maps generate, update, delete, info, list, regenerate, block and unblock on the management group.</summary>
    public static RouteGroupBuilder MapKeyEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        // Handlers take the HttpRequest so each maps as a route handler whose IResult is written (not as a RequestDelegate).
        group.MapPost("/key/generate", static (HttpRequest request) => GenerateKeyEndpoint.HandleAsync(request.HttpContext));
        group.MapPost("/key/update", static (HttpRequest request) => UpdateKeyEndpoint.HandleAsync(request.HttpContext));
        group.MapPost("/key/delete", static (HttpRequest request) => DeleteKeysEndpoint.HandleAsync(request.HttpContext));
        group.MapGet("/key/info", static (HttpRequest request) => KeyInfoEndpoint.HandleAsync(request.HttpContext));
        group.MapGet("/key/list", static (HttpRequest request) => ListKeysEndpoint.HandleAsync(request.HttpContext));
        group.MapPost("/key/regenerate", static (HttpRequest request) => RegenerateKeyEndpoint.HandleAsync(request.HttpContext, null));
        group.MapPost("/key/{key}/regenerate", static (HttpRequest request, string key) => RegenerateKeyEndpoint.HandleAsync(request.HttpContext, key));
        group.MapPost("/key/block", static (HttpRequest request) => BlockKeyEndpoints.HandleAsync(request.HttpContext, blocked: true));
        group.MapPost("/key/unblock", static (HttpRequest request) => BlockKeyEndpoints.HandleAsync(request.HttpContext, blocked: false));
        return group;
    }
}
