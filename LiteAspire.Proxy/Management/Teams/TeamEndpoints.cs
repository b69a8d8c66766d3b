namespace LiteAspire.Proxy.Management.Teams;

/// <summary>LiteLLM's team management routes (<c>/team/*</c>).</summary>
public static class TeamEndpoints
{
    /// <summary>Maps the team routes on the management group (which authenticates and maps errors).</summary>
    public static RouteGroupBuilder MapTeamEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/team/new", static (HttpContext context, CancellationToken cancellationToken) =>
            NewTeamEndpoint.HandleAsync(context, cancellationToken));
        group.MapMethods("/team/update", ["POST", "PATCH"], static (HttpContext context, CancellationToken cancellationToken) =>
            UpdateTeamEndpoint.HandleAsync(context, cancellationToken));
        group.MapPost("/team/delete", static (HttpContext context, CancellationToken cancellationToken) =>
            DeleteTeamEndpoint.HandleAsync(context, cancellationToken));
        group.MapGet("/team/info", static (HttpContext context, CancellationToken cancellationToken) =>
            TeamInfoEndpoint.HandleAsync(context, cancellationToken));
        group.MapGet("/team/list", static (HttpContext context, CancellationToken cancellationToken) =>
            TeamListEndpoint.HandleAsync(context, cancellationToken));
        group.MapGet("/v2/team/list", static (HttpContext context, CancellationToken cancellationToken) =>
            TeamListEndpoint.HandleV2Async(context, cancellationToken));
        group.MapPost("/team/block", static (HttpContext context, CancellationToken cancellationToken) =>
            TeamBlockEndpoints.BlockAsync(context, cancellationToken));
        group.MapPost("/team/unblock", static (HttpContext context, CancellationToken cancellationToken) =>
            TeamBlockEndpoints.UnblockAsync(context, cancellationToken));
        group.MapPost("/team/member_add", static (HttpContext context, CancellationToken cancellationToken) =>
            TeamMemberAddEndpoint.HandleAsync(context, cancellationToken));
        group.MapPost("/team/member_update", static (HttpContext context, CancellationToken cancellationToken) =>
            TeamMemberUpdateEndpoint.HandleAsync(context, cancellationToken));
        group.MapPost("/team/member_delete", static (HttpContext context, CancellationToken cancellationToken) =>
            TeamMemberDeleteEndpoint.HandleAsync(context, cancellationToken));
        return group;
    }
}
