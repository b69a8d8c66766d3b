using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Anthropic;

namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>Errors in Anthropic's shape, <c>{"type":"error","error":{"type","message"}}</c>, which Anthropic SDKs parse on <c>/v1/messages</c>.</summary>
public static class AnthropicApiErrors
{
    /// <summary>The error body for a status: 400 invalid_request_error, 401 authentication_error, 403 permission_error, 404 not_found_error, 413 request_too_large, 429 rate_limit_error, 503/529 overloaded_error, other 5xx api_error.</summary>
    public static JsonObject Body(int statusCode, string message) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject { ["type"] = AnthropicErrorTypes.TypeFor(statusCode), ["message"] = message },
    };

    /// <summary>An endpoint result carrying the error with its status.</summary>
    public static IResult Result(int statusCode, string message) =>
        TypedResults.Content(Body(statusCode, message).ToJsonString(AnthropicApiJson.Options), "application/json", statusCode: statusCode);

    /// <summary>The status and message a failure from the chat pipeline becomes; anything unexpected is a 500 without internals.</summary>
    public static (int StatusCode, string Message) Describe(Exception exception, string traceId)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ProviderException provider => (provider.StatusCode, provider.Message),
            OpenAIChatExecutionException execution => (execution.StatusCode, execution.Message),
            AnthropicRequestException request => (400, request.Message),
            BadHttpRequestException badRequest => (badRequest.StatusCode, badRequest.Message),
            // The exception text may hold internals (connection strings, paths); the trace id finds it in the logs.
            _ => (500, $"Internal server error. Trace id: {traceId}"),
        };
    }
}
