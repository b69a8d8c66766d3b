using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Management;

/// <summary>The management API's refusals, in the OpenAI error shape LiteLLM uses.</summary>
public static class ManagementErrors
{
    /// <summary>400 <c>bad_request_error</c> naming the field at fault.</summary>
    public static GatewayException BadRequest(string message, string? param = null) => new(400, message, "bad_request_error", param);

    /// <summary>404 <c>not_found_error</c>.</summary>
    public static GatewayException NotFound(string message, string? param = null) => new(404, message, "not_found_error", param);

    /// <summary>LiteLLM's error when a management route needs the database and none is configured.</summary>
    public static GatewayException NoDatabase() => new(503,
        "DB not connected. Set DATABASE_URL (or general_settings.database_url) to use virtual keys and the management API.",
        "no_db_connection", "None");

    /// <summary>A negative amount where only zero or more makes sense.</summary>
    public static void RequireNonNegative(double? value, string field)
    {
        if (value is < 0 || (value is { } v && (double.IsNaN(v) || double.IsInfinity(v))))
        {
            throw BadRequest($"Invalid value for '{field}': must be a number >= 0.", field);
        }
    }

    /// <summary>A negative limit.</summary>
    public static void RequireNonNegative(long? value, string field)
    {
        if (value is < 0)
        {
            throw BadRequest($"Invalid value for '{field}': must be >= 0.", field);
        }
    }

    /// <summary>A duration LiteLLM would not understand.</summary>
    public static void RequireDuration(string? value, string field)
    {
        if (value is not null && !Data.Budgets.LiteLLMDuration.TryParse(value, out _))
        {
            throw BadRequest($"Invalid value for '{field}': '{value}' is not a duration such as 30s, 30m, 30h, 30d, 1w or 1mo.", field);
        }
    }
}
