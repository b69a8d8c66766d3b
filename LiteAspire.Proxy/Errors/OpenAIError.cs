using System.Globalization;

namespace LiteAspire.Proxy.Errors;

/// <summary>Builds and writes OpenAI-shaped errors; the one place that maps a status to its default error type.</summary>
public static class OpenAIError
{
    /// <summary>The error body for <paramref name="statusCode"/>.</summary>
    public static OpenAIErrorResponse Create(int statusCode, string message, string? type = null, string? param = null) =>
        new(new OpenAIErrorBody(message, type ?? DefaultType(statusCode), param, statusCode.ToString(CultureInfo.InvariantCulture)));

    /// <summary>An endpoint result carrying the error and its status.</summary>
    public static IResult Result(int statusCode, string message, string? type = null, string? param = null) =>
        TypedResults.Json(Create(statusCode, message, type, param), statusCode: statusCode);

    /// <summary>Writes the error to a response that has not started.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message, string? type = null, string? param = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(Create(statusCode, message, type, param), context.RequestAborted);
    }

    /// <summary>LiteLLM's error type names (<c>ProxyErrorTypes</c>, OpenAI's names) for a status without a more specific one.</summary>
    public static string DefaultType(int statusCode) => statusCode switch
    {
        400 => "bad_request_error",
        401 or 403 => "auth_error",
        404 => "not_found_error",
        408 => "timeout_error",
        422 => "validation_error",
        429 => "rate_limit_error",
        503 => "service_unavailable_error",
        >= 500 => "internal_server_error",
        _ => "invalid_request_error",
    };
}
