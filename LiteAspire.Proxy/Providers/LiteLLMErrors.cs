namespace LiteAspire.Proxy.Providers;

/// <summary>LiteLLM's exception classes (docs/exception_mapping.md).</summary>
public enum LiteLLMErrorKind
{
    /// <summary>400.</summary>
    BadRequestError,

    /// <summary>400: a parameter the provider does not take, without drop_params.</summary>
    UnsupportedParamsError,

    /// <summary>400: the prompt does not fit the model's context window.</summary>
    ContextWindowExceededError,

    /// <summary>400: the provider's content filter refused.</summary>
    ContentPolicyViolationError,

    /// <summary>401.</summary>
    AuthenticationError,

    /// <summary>403.</summary>
    PermissionDeniedError,

    /// <summary>404.</summary>
    NotFoundError,

    /// <summary>408.</summary>
    Timeout,

    /// <summary>422.</summary>
    UnprocessableEntityError,

    /// <summary>429.</summary>
    RateLimitError,

    /// <summary>500: the provider could not be reached.</summary>
    APIConnectionError,

    /// <summary>500 (or the provider's 5xx).</summary>
    APIError,

    /// <summary>503.</summary>
    ServiceUnavailableError,

    /// <summary>≥ 500, e.g. Anthropic's 529 overloaded.</summary>
    InternalServerError,
}

/// <summary>The one place that maps provider failures to LiteLLM's classes, statuses and error types.</summary>
public static class LiteLLMErrors
{
    /// <summary>The class for an upstream status and message, recognising context-window and content-policy errors by their words.</summary>
    public static LiteLLMErrorKind Classify(int upstreamStatus, string message)
    {
        if (IsContextWindow(message))
        {
            return LiteLLMErrorKind.ContextWindowExceededError;
        }

        if (upstreamStatus is 400 or 403 && IsContentPolicy(message))
        {
            return LiteLLMErrorKind.ContentPolicyViolationError;
        }

        return upstreamStatus switch
        {
            400 => LiteLLMErrorKind.BadRequestError,
            401 => LiteLLMErrorKind.AuthenticationError,
            403 => LiteLLMErrorKind.PermissionDeniedError,
            404 => LiteLLMErrorKind.NotFoundError,
            408 => LiteLLMErrorKind.Timeout,
            413 => LiteLLMErrorKind.ContextWindowExceededError,
            422 => LiteLLMErrorKind.UnprocessableEntityError,
            429 => LiteLLMErrorKind.RateLimitError,
            503 => LiteLLMErrorKind.ServiceUnavailableError,
            500 => LiteLLMErrorKind.APIError,
            > 500 => LiteLLMErrorKind.InternalServerError,
            _ => LiteLLMErrorKind.BadRequestError,
        };
    }

    /// <summary>The status the client gets.</summary>
    public static int StatusCode(LiteLLMErrorKind kind, int? upstreamStatus) => kind switch
    {
        LiteLLMErrorKind.BadRequestError or LiteLLMErrorKind.UnsupportedParamsError
            or LiteLLMErrorKind.ContextWindowExceededError or LiteLLMErrorKind.ContentPolicyViolationError => 400,
        LiteLLMErrorKind.AuthenticationError => 401,
        LiteLLMErrorKind.PermissionDeniedError => 403,
        LiteLLMErrorKind.NotFoundError => 404,
        LiteLLMErrorKind.Timeout => 408,
        LiteLLMErrorKind.UnprocessableEntityError => 422,
        LiteLLMErrorKind.RateLimitError => 429,
        LiteLLMErrorKind.ServiceUnavailableError => 503,
        // Anthropic's 529 is LiteLLM's InternalServerError with status 500: clients retry 5xx, not 529.
        LiteLLMErrorKind.InternalServerError => upstreamStatus is >= 500 and < 600 and not 529 ? upstreamStatus.Value : 500,
        _ => 500,
    };

    /// <summary>The OpenAI error <c>type</c> for a class.</summary>
    public static string ErrorType(LiteLLMErrorKind kind) => kind switch
    {
        LiteLLMErrorKind.BadRequestError or LiteLLMErrorKind.UnsupportedParamsError
            or LiteLLMErrorKind.ContextWindowExceededError or LiteLLMErrorKind.ContentPolicyViolationError => "invalid_request_error",
        LiteLLMErrorKind.AuthenticationError => "authentication_error",
        LiteLLMErrorKind.PermissionDeniedError => "permission_denied_error",
        LiteLLMErrorKind.NotFoundError => "not_found_error",
        LiteLLMErrorKind.Timeout => "timeout_error",
        LiteLLMErrorKind.UnprocessableEntityError => "unprocessable_entity_error",
        LiteLLMErrorKind.RateLimitError => "rate_limit_error",
        LiteLLMErrorKind.ServiceUnavailableError => "service_unavailable_error",
        _ => "internal_server_error",
    };

    private static bool IsContextWindow(string message) =>
        Contains(message, "context_length_exceeded") || Contains(message, "maximum context length")
        || Contains(message, "prompt is too long") || Contains(message, "context window")
        || Contains(message, "too many tokens") || Contains(message, "input is too long")
        || Contains(message, "exceeds the maximum number of tokens");

    private static bool IsContentPolicy(string message) =>
        Contains(message, "content_filter") || Contains(message, "content management policy")
        || Contains(message, "content policy") || Contains(message, "safety");

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
