using LiteAspire.FakeProvider.Wire;

using Microsoft.AspNetCore.Http;

namespace LiteAspire.FakeProvider.Faults;

/// <summary>Writes an error in each provider's own documented body shape.</summary>
internal static class ProviderErrors
{
    public static Task WriteAsync(HttpContext context, FakeWire wire, int status, string message, string? customBody = null)
    {
        var response = context.Response;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            response.Headers.RetryAfter = "1";
        }

        if (wire == FakeWire.Bedrock)
        {
            response.Headers["x-amzn-ErrorType"] = BedrockType(status);
        }

        if (customBody is not null)
        {
            return JsonReply.SendRawAsync(context, status, customBody);
        }

        var json = JsonReply.Start();
        switch (wire)
        {
            case FakeWire.OpenAI or FakeWire.Azure:
                json.WriteStartObject();
                json.WriteStartObject("error");
                json.WriteString("message", message);
                json.WriteString("type", OpenAIType(status));
                json.WriteNull("param");
                json.WriteString("code", OpenAICode(status));
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case FakeWire.Anthropic:
                json.WriteStartObject();
                json.WriteString("type", "error");
                json.WriteStartObject("error");
                json.WriteString("type", AnthropicType(status));
                json.WriteString("message", message);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case FakeWire.Google:
                json.WriteStartObject();
                json.WriteStartObject("error");
                json.WriteNumber("code", status);
                json.WriteString("message", message);
                json.WriteString("status", GoogleStatus(status));
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case FakeWire.Ollama:
                json.WriteStartObject();
                json.WriteString("error", message);
                json.WriteEndObject();
                break;
            default:
                // Bedrock and Cohere: a bare {"message"}; Bedrock names the type in x-amzn-ErrorType.
                json.WriteStartObject();
                json.WriteString("message", message);
                json.WriteEndObject();
                break;
        }

        return JsonReply.SendAsync(context, status);
    }

    /// <summary>The message of an injected fault, worded as the provider would for that status.</summary>
    public static string FaultMessage(int status) => status switch
    {
        400 => "Fake bad request.",
        401 => "Fake invalid API key.",
        403 => "Fake permission denied.",
        404 => "Fake model not found.",
        408 => "Fake request timeout.",
        413 => "Fake request too large.",
        429 => "Fake rate limit reached. Please try again later.",
        503 => "Fake service unavailable.",
        529 => "Fake overloaded.",
        _ => "Fake server error.",
    };

    internal static string OpenAIType(int status) => status switch
    {
        400 or 404 or 413 or 422 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        429 => "rate_limit_error",
        _ => "server_error",
    };

    private static string? OpenAICode(int status) => status switch
    {
        401 => "invalid_api_key",
        404 => "model_not_found",
        429 => "rate_limit_exceeded",
        _ => null,
    };

    internal static string AnthropicType(int status) => status switch
    {
        400 or 422 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        504 => "timeout_error",
        529 => "overloaded_error",
        _ => "api_error",
    };

    internal static string GoogleStatus(int status) => status switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        408 or 504 => "DEADLINE_EXCEEDED",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        501 => "UNIMPLEMENTED",
        503 => "UNAVAILABLE",
        _ => "INTERNAL",
    };

    internal static string BedrockType(int status) => status switch
    {
        400 or 422 => "ValidationException",
        401 or 403 => "AccessDeniedException",
        404 => "ResourceNotFoundException",
        408 => "ModelTimeoutException",
        424 => "ModelErrorException",
        429 => "ThrottlingException",
        503 => "ServiceUnavailableException",
        _ => "InternalServerException",
    };
}
