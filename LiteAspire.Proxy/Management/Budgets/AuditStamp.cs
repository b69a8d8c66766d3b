using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary>When and by whom a management change is made: the <c>created_*</c>/<c>updated_*</c> columns LiteLLM fills.</summary>
/// <param name="At">UTC now, to the millisecond the columns keep.</param>
/// <param name="By">The caller's user id, else LiteLLM's name for the proxy admin.</param>
public readonly record struct AuditStamp(DateTime At, string By)
{
    /// <summary>LiteLLM's <c>litellm_proxy_admin_name</c>: who a change is recorded as when the caller has no user id.</summary>
    public const string ProxyAdminName = "default_user_id";

    /// <summary>The stamp of the current request.</summary>
    public static AuditStamp Of(HttpContext context, ApiKeyAuth caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        var now = (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        return new AuditStamp(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)), caller.UserId ?? ProxyAdminName);
    }
}
