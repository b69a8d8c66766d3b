using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>Who a change is recorded as made by: <c>created_by</c>, <c>updated_by</c>, <c>deleted_by</c>.</summary>
public static class ManagementActor
{
    /// <summary>LiteLLM's user id for the master key (<c>litellm_proxy_admin_name</c>).</summary>
    public const string ProxyAdminName = "default_user_id";

    /// <summary>LiteLLM's audit header naming the person an admin acts for.</summary>
    public const string ChangedByHeader = "litellm-changed-by";

    /// <summary>The caller's user id, or <see cref="ProxyAdminName"/> for the master key.</summary>
    public static string? Of(ApiKeyAuth caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.UserId ?? (caller.IsMasterKey ? ProxyAdminName : null);
    }

    /// <summary>The <c>litellm-changed-by</c> header, when sent.</summary>
    public static string? ChangedBy(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue(ChangedByHeader, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
    }
}
