using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>The proxy's model access rules (wildcards, access groups), for checking a team key's models.</summary>
public static class KeyModels
{
    /// <summary>The registered <see cref="ModelAccess"/>, or one built from the deployment table.</summary>
    public static ModelAccess AccessOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetService<ModelAccess>()
            ?? new ModelAccess(context.RequestServices.GetRequiredService<DeploymentTable>());
    }
}
