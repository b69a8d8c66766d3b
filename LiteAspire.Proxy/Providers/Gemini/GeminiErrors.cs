using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>Maps Google's <c>{"error":{"code","message","status"}}</c> bodies (AI Studio and Vertex AI) to LiteLLM's exceptions.</summary>
public static class GeminiErrors
{
    /// <summary>The exception for a failed upstream response; <paramref name="provider"/> is <c>gemini</c> or <c>vertex_ai</c>.</summary>
    public static ProviderException FromResponse(int statusCode, string body, string provider)
    {
        var (message, status) = Parse(body);
        message ??= string.IsNullOrWhiteSpace(body) ? $"upstream returned HTTP {statusCode}" : body;
        return FromError(statusCode, message, status, provider);
    }

    /// <summary>The exception for an <c>error</c> object that arrived inside a 200 stream.</summary>
    public static ProviderException FromErrorNode(JsonNode? error, string provider)
    {
        var code = error?["code"]?.GetValueKind() == JsonValueKind.Number ? error["code"]!.GetValue<int>() : 500;
        var message = error?["message"]?.GetValue<string>() ?? "upstream error in stream";
        return FromError(code, message, error?["status"]?.GetValue<string>(), provider);
    }

    /// <summary>An UnsupportedParamsError worded as LiteLLM words it, naming the parameter.</summary>
    public static ProviderException UnsupportedParam(string provider, string param, string model) => new(
        LiteLLMErrorKind.UnsupportedParamsError,
        provider,
        $"{provider} does not support parameters: ['{param}'], for model={model}. To drop these, set `litellm.drop_params=True` or for proxy:\n\n`litellm_settings:\n drop_params: true`\n",
        400,
        param);

    /// <summary>A 400 for a request we cannot translate.</summary>
    public static ProviderException BadRequest(string provider, string message, string? param = null) =>
        new(LiteLLMErrorKind.BadRequestError, provider, message, 400, param);

    private static ProviderException FromError(int statusCode, string message, string? status, string provider)
    {
        // Google's canonical status is more precise than the HTTP code (a 400 can be an invalid key).
        var effective = status switch
        {
            "RESOURCE_EXHAUSTED" => 429,
            "INVALID_ARGUMENT" or "FAILED_PRECONDITION" or "OUT_OF_RANGE" => 400,
            "PERMISSION_DENIED" => 403,
            "UNAUTHENTICATED" => 401,
            "NOT_FOUND" => 404,
            "DEADLINE_EXCEEDED" => 408,
            "UNAVAILABLE" => 503,
            "INTERNAL" or "UNKNOWN" => 500,
            _ => statusCode,
        };
        if (message.Contains("API key not valid", StringComparison.OrdinalIgnoreCase)
            || message.Contains("API_KEY_INVALID", StringComparison.Ordinal))
        {
            effective = 401;
        }

        var kind = IsTokenLimit(message) ? LiteLLMErrorKind.ContextWindowExceededError : LiteLLMErrors.Classify(effective, message);
        return new ProviderException(kind, provider, message, effective);
    }

    // "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)."
    private static bool IsTokenLimit(string message) =>
        message.Contains("token count", StringComparison.OrdinalIgnoreCase)
        && (message.Contains("exceeds", StringComparison.OrdinalIgnoreCase) || message.Contains("limit", StringComparison.OrdinalIgnoreCase));

    private static (string? Message, string? Status) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            var node = JsonNode.Parse(body);
            // streamGenerateContent without alt=sse answers with a JSON array of responses.
            if (node is JsonArray { Count: > 0 } array)
            {
                node = array[0];
            }

            var error = node?["error"];
            if (error is JsonObject)
            {
                return (error["message"]?.GetValue<string>(), error["status"]?.GetValue<string>());
            }

            if (error?.GetValueKind() == JsonValueKind.String)
            {
                return (error.GetValue<string>(), null);
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a load balancer): the raw text is the message.
        }

        return (null, null);
    }
}
