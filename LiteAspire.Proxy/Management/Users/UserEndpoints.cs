namespace LiteAspire.Proxy.Management.Users;

/// <summary>LiteLLM's internal user routes (<c>/user/*</c>).</summary>
public static class UserEndpoints
{
    /// <summary>Maps new, info, update, delete and list on the management group.</summary>
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/user/new", static (HttpRequest request) => NewUserEndpoint.HandleAsync(request.HttpContext));
        group.MapGet("/user/info", static (HttpRequest request) => UserInfoEndpoint.HandleAsync(request.HttpContext));
        group.MapPost("/user/update", static (HttpRequest request) => UpdateUserEndpoint.HandleAsync(request.HttpContext));
        group.MapPost("/user/delete", static (HttpRequest request) => DeleteUsersEndpoint.HandleAsync(request.HttpContext));
        group.MapGet("/user/list", static (HttpRequest request) => ListUsersEndpoint.HandleAsync(request.HttpContext));
        return group;
    }
}
