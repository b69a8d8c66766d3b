namespace LiteAspire.Proxy.Management.Teams;

/// <summary>LiteLLM's team management routes (<c>/team/*</c>).</summary>
public static class TeamEndpoints
{
    /// <summary>Maps the team routes on the management group (which authenticates and maps errors).</summary>
    public static RouteGroupBuilder MapTeamEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/team/new", NewTeamEndpoint.HandleAsync);
        group.MapMethods("/team/update", ["POST", "PATCH"], UpdateTeamEndpoint.HandleAsync);
        group.MapPost("/team/delete", DeleteTeamEndpoint.HandleAsync);
        group.MapGet("/team/info", TeamInfoEndpoint.HandleAsync);
        group.MapGet("/team/list", TeamListEndpoint.HandleAsync);
        group.MapPost("/team/block", TeamBlockEndpoints.BlockAsync);
        group.MapPost("/team/unblock", TeamBlockEndpoints.UnblockAsync);
        group.MapPost("/team/member_add", TeamMemberAddEndpoint.HandleAsync);
        group.MapPost("/team/member_update", TeamMemberUpdateEndpoint.HandleAsync);
        group.MapPost("/team/member_delete", TeamMemberDeleteEndpoint.HandleAsync);
        return group;
    }
}
