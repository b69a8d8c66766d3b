namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>LiteLLM's organization management routes (<c>/organization/*</c>).</summary>
public static class OrganizationEndpoints
{
    /// <summary>Maps the organization routes on the management group (which authenticates and maps errors).</summary>
    public static RouteGroupBuilder MapOrganizationEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/organization/new", static (HttpContext context, CancellationToken cancellationToken) =>
            NewOrganizationEndpoint.HandleAsync(context, cancellationToken));
        group.MapMethods("/organization/update", ["POST", "PATCH"], static (HttpContext context, CancellationToken cancellationToken) =>
            UpdateOrganizationEndpoint.HandleAsync(context, cancellationToken));
        group.MapMethods("/organization/delete", ["DELETE", "POST"], static (HttpContext context, CancellationToken cancellationToken) =>
            DeleteOrganizationEndpoint.HandleAsync(context, cancellationToken));
        group.MapGet("/organization/info", static (HttpContext context, CancellationToken cancellationToken) =>
            OrganizationInfoEndpoint.HandleAsync(context, cancellationToken));
        group.MapGet("/organization/list", static (HttpContext context, CancellationToken cancellationToken) =>
            OrganizationListEndpoint.HandleAsync(context, cancellationToken));
        group.MapPost("/organization/member_add", static (HttpContext context, CancellationToken cancellationToken) =>
            OrganizationMemberAddEndpoint.HandleAsync(context, cancellationToken));
        return group;
    }
}
