using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Management.Keys;
using LiteAspire.Proxy.Management.Users;
using LiteAspire.Proxy.Management.Budgets;
using LiteAspire.Proxy.Management.Customers;
using LiteAspire.Proxy.Management.Models;

namespace LiteAspire.Proxy.Management;

/// <summary>LiteLLM's management API: keys, users, teams, organizations, customers, budgets, tags and models, all authenticated.</summary>
public static class ManagementEndpoints
{
    /// <summary>Maps every management route behind the error filter and auth.</summary>
    public static RouteGroupBuilder MapManagementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("").WithTags("management");
        group.AddEndpointFilter<GatewayErrorFilter>();
        group.AddEndpointFilter<ProxyAuthFilter>();
        group.MapKeyEndpoints();
        group.MapUserEndpoints();
        Teams.TeamEndpoints.MapTeamEndpoints(group);
        Organizations.OrganizationEndpoints.MapOrganizationEndpoints(group);
        group.MapCustomerEndpoints().MapBudgetEndpoints().MapModelManagementEndpoints();
        Tags.TagEndpoints.MapTagEndpoints(group);
        return group;
    }
}
