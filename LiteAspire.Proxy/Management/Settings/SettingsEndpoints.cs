using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Management.Settings;

/// <summary>
/// The read-only settings routes a dashboard shows (docs/management.md, docs/routing.md): LiteLLM's
/// <c>GET /get/config/callbacks</c>, <c>GET /router/settings</c> and <c>GET /cache/settings</c>, and LiteAspire's
/// <c>GET /router/cooldowns</c>. Authenticated, proxy admins and admin viewers, no database needed, never a credential.
/// </summary>
public static class SettingsEndpoints
{
    /// <summary>Maps the routes behind the error filter and auth.</summary>
    public static RouteGroupBuilder MapSettingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var group = endpoints.MapGroup("").WithTags(RouteAccess.ManagementTag);
        group.AddEndpointFilter(services.GetRequiredService<GatewayErrorFilter>());
        group.AddEndpointFilter(services.GetRequiredService<ProxyAuthFilter>());
        group.MapGet("/get/config/callbacks", ConfigCallbacksEndpoint.Handle);
        group.MapGet("/router/settings", RouterSettingsEndpoint.Handle);
        group.MapGet("/router/cooldowns", RouterCooldownsEndpoint.Handle);
        group.MapGet("/cache/settings", CacheSettingsEndpoint.Handle);
        return group;
    }
}
