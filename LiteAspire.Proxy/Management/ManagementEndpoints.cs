using LiteAspire.Data.Database;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Management.Keys;
using LiteAspire.Proxy.Management.Users;
using LiteAspire.Proxy.Management.Budgets;
using LiteAspire.Proxy.Management.Callers;
using LiteAspire.Proxy.Management.Customers;
using LiteAspire.Proxy.Management.Models;

namespace LiteAspire.Proxy.Management;

/// <summary>LiteLLM's management API: keys, users, teams, organizations, customers, budgets, tags, models and spend, all authenticated.</summary>
public static class ManagementEndpoints
{
    // Every area of the API; without a database each answers LiteLLM's "DB not connected" for any of its paths.
    private static readonly string[] s_areas = ["key", "user", "team", "v2/team", "organization", "customer", "end_user", "budget", "tag", "model", "spend", "global"];

    /// <summary>
    /// Maps every management route behind the error filter and auth. Without a database every route would only answer
    /// "DB not connected", so each area is then one catch-all route giving that answer: the ~45 routes' request delegates
    /// (and the EF Core types their handlers name) would cost a proxy without a database about 7 MiB of idle memory.
    /// </summary>
    public static RouteGroupBuilder MapManagementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var group = endpoints.MapGroup("").WithTags(RouteAccess.ManagementTag);
        // The registered singletons: AddEndpointFilter<T> would build each through ActivatorUtilities (the expression compiler).
        group.AddEndpointFilter(services.GetRequiredService<GatewayErrorFilter>());
        group.AddEndpointFilter(services.GetRequiredService<ProxyAuthFilter>());
        group.MapCallerEndpoint();
        if (services.GetService<DatabaseConnection>() is null)
        {
            foreach (var area in s_areas)
            {
                // Literal routes (GET /model/info of the LLM API) still win over these catch-alls.
                group.Map("/" + area + "/{**rest}", static IResult () => throw ManagementErrors.NoDatabase());
            }

            return group;
        }

        group.MapKeyEndpoints();
        group.MapUserEndpoints();
        Teams.TeamEndpoints.MapTeamEndpoints(group);
        Organizations.OrganizationEndpoints.MapOrganizationEndpoints(group);
        group.MapCustomerEndpoints().MapBudgetEndpoints().MapModelManagementEndpoints();
        Tags.TagEndpoints.MapTagEndpoints(group);
        Spend.SpendEndpoints.MapSpendEndpoints(group);
        return group;
    }
}
