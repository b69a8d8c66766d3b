namespace LiteAspire.Proxy.Management.Teams;

/// <summary>The time a management write stamps on rows.</summary>
internal static class ManagementClock
{
    /// <summary>Now in UTC, to the millisecond PostgreSQL's <c>timestamp(3)</c> keeps, so a response shows what was stored.</summary>
    public static DateTime Now(HttpContext context)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    /// <summary>LiteLLM's <c>created_by</c>/<c>updated_by</c>: the caller's user, else the proxy admin's name.</summary>
    public static string Author(Auth.ApiKeyAuth caller) => caller.UserId ?? "default_user_id";
}
