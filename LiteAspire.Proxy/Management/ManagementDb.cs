using LiteAspire.Data;

namespace LiteAspire.Proxy.Management;

/// <summary>The database behind the management API.</summary>
public static class ManagementDb
{
    /// <summary>The request's <see cref="LiteLLMDbContext"/>, or LiteLLM's "DB not connected" error when none is configured.</summary>
    public static LiteLLMDbContext Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetService<LiteLLMDbContext>() ?? throw ManagementErrors.NoDatabase();
    }
}
