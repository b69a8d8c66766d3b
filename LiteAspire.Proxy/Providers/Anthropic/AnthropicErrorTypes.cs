namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>Anthropic's documented error types and their HTTP statuses, used both to read upstream errors and to answer <c>/v1/messages</c>.</summary>
public static class AnthropicErrorTypes
{
    /// <summary>The status Anthropic sends with an error type (stream <c>error</c> events carry only the type).</summary>
    public static int StatusFor(string? errorType) => errorType switch
    {
        "invalid_request_error" => 400,
        "authentication_error" => 401,
        "billing_error" => 402,
        "permission_error" => 403,
        "not_found_error" => 404,
        "request_too_large" => 413,
        "rate_limit_error" => 429,
        "timeout_error" => 504,
        "overloaded_error" => 529,
        _ => 500,
    };

    /// <summary>The error type Anthropic uses for a status; unlisted 4xx are <c>invalid_request_error</c>, unlisted 5xx <c>api_error</c>.</summary>
    public static string TypeFor(int statusCode) => statusCode switch
    {
        401 => "authentication_error",
        402 => "billing_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        >= 400 and < 500 => "invalid_request_error",
        _ => "api_error",
    };
}
