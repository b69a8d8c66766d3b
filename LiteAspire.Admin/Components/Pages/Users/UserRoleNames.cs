using LiteAspire.Admin.Auth;

namespace LiteAspire.Admin.Components.Pages.Users;

/// <summary>LiteLLM's global roles the users page offers, with what each may do.</summary>
public static class UserRoleNames
{
    /// <summary>Role and its description, in the order offered.</summary>
    public static IReadOnlyList<(string Role, string Description)> Offered { get; } =
    [
        (AdminRoles.ProxyAdmin, "Admin: manages everything"),
        (AdminRoles.ProxyAdminViewer, "Admin viewer: sees everything, changes nothing"),
        (AdminRoles.InternalUser, "Internal user: own keys, spend and playground"),
        (AdminRoles.InternalUserViewer, "Internal viewer: own keys and spend, read-only"),
    ];
}
