namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>LiteLLM's organization management routes (<c>/organization/*</c>).</summary>
public static class OrganizationEndpoints
{
    /// <summary>Maps the organization routes on the management group (which authenticates and maps errors).</summary>
    public static RouteGroupBuilder MapOrganizationEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/organization/new", NewOrganizationEndpoint.HandleAsync);
        group.MapMethods("/organization/update", ["POST", "PATCH"], UpdateOrganizationEndpoint.HandleAsync);
        group.MapMethods("/organization/delete", ["DELETE", "POST"], DeleteOrganizationEndpoint.HandleAsync);
        group.MapGet("/organization/info", OrganizationInfoEndpoint.HandleAsync);
        group.MapGet("/organization/list", OrganizationListEndpoint.HandleAsync);
        group.MapPost("/organization/member_add", OrganizationMemberAddEndpoint.HandleAsync);
        return group;
    }
}
