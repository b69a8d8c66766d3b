using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Callers;

/// <summary>
/// <c>GET /auth/me</c> (a LiteAspire addition): who the presented key is, so a dashboard can decide what to show. LiteLLM's
/// <c>/key/info</c> cannot answer this for the master key, which has no row.
/// </summary>
public static class CallerEndpoint
{
    /// <summary>The answer.</summary>
    /// <param name="UserId">The key's owner, or null (always null for the master key).</param>
    /// <param name="UserRole">The effective role: <c>proxy_admin</c> for the master key, the owner's role otherwise.</param>
    /// <param name="TeamId">The key's team.</param>
    /// <param name="KeyAlias">The key's alias.</param>
    /// <param name="KeyName">The key's masked name (<c>sk-...abcd</c>).</param>
    /// <param name="IsMasterKey">True for the master key.</param>
    public sealed record Response(string? UserId, string? UserRole, string? TeamId, string? KeyAlias, string? KeyName, bool IsMasterKey);

    /// <summary>Maps the route on the (authenticated) management group; it needs no database.</summary>
    public static RouteGroupBuilder MapCallerEndpoint(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/auth/me", static (HttpRequest request) => Handle(request.HttpContext));
        return group;
    }

    private static IResult Handle(HttpContext context)
    {
        var caller = Caller.Of(context);
        return ManagementJson.Ok(new Response(caller.UserId, caller.UserRole, caller.TeamId, caller.KeyAlias, caller.KeyName, caller.IsMasterKey));
    }
}
