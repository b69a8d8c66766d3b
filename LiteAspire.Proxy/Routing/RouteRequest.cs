using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// What one request asks of the router besides its model (LiteLLM's request fields and headers): <c>num_retries</c>,
/// <c>fallbacks</c>, <c>disable_fallbacks</c>, <c>timeout</c>/<c>stream_timeout</c>, and the <c>mock_testing_*</c> switches that
/// make the first group fail on purpose.
/// </summary>
public sealed class RouteRequest
{
    /// <summary>True for <c>stream: true</c> (latency routing uses time to first token; the stream timeout applies).</summary>
    public bool Stream { get; init; }

    /// <summary><c>num_retries</c> (body) or <c>x-litellm-num-retries</c> (header), over the router's.</summary>
    public int? NumRetries { get; init; }

    /// <summary>The body's <c>fallbacks</c>, over the router's (checked against the key's model access).</summary>
    public IReadOnlyList<string>? Fallbacks { get; init; }

    /// <summary>The <c>messages</c> a body fallback entry (<c>{"model": ..., "messages": [...]}</c>) sends instead of the request's, by model.</summary>
    public IReadOnlyDictionary<string, JsonArray>? FallbackMessages { get; init; }

    /// <summary><c>disable_fallbacks: true</c>.</summary>
    public bool DisableFallbacks { get; init; }

    /// <summary><c>timeout</c> (body) or <c>x-litellm-timeout</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary><c>stream_timeout</c> (body) or <c>x-litellm-stream-timeout</c>.</summary>
    public TimeSpan? StreamTimeout { get; init; }

    /// <summary>The error a <c>mock_testing_*</c> switch makes the first group raise, without calling it.</summary>
    public LiteLLMErrorKind? MockError { get; init; }

    /// <summary>The request's tags (body, metadata, <c>x-litellm-tags</c>), for <c>enable_tag_filtering</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Counts the prompt's tokens, for context-window pre-call checks (called at most once, only when needed).</summary>
    public Func<long>? PromptTokens { get; init; }

    /// <summary>Reads the fields from <paramref name="body"/> and <paramref name="headers"/> (before the body is prepared for a provider).</summary>
    /// <exception cref="GatewayException">400 when a field has the wrong type.</exception>
    public static RouteRequest From(JsonObject? body, IHeaderDictionary headers, bool stream, Func<long>? promptTokens = null,
        IReadOnlyList<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var (fallbacks, fallbackMessages) = FallbacksOf(body?["fallbacks"]);
        return new RouteRequest
        {
            Stream = stream,
            NumRetries = (int?)(Number(body?["num_retries"], "num_retries") ?? HeaderNumber(headers, "x-litellm-num-retries")),
            Fallbacks = fallbacks,
            FallbackMessages = fallbackMessages,
            DisableFallbacks = JsonRead.IsTrue(body?["disable_fallbacks"]),
            Timeout = Seconds(Number(body?["timeout"], "timeout") ?? HeaderNumber(headers, "x-litellm-timeout")),
            StreamTimeout = Seconds(Number(body?["stream_timeout"], "stream_timeout") ?? HeaderNumber(headers, "x-litellm-stream-timeout")),
            MockError = MockErrorOf(body),
            PromptTokens = promptTokens,
            Tags = tags ?? [],
        };
    }

    private static LiteLLMErrorKind? MockErrorOf(JsonObject? body)
    {
        if (body is null)
        {
            return null;
        }

        if (JsonRead.IsTrue(body["mock_testing_fallbacks"]))
        {
            return LiteLLMErrorKind.InternalServerError;
        }

        if (JsonRead.IsTrue(body["mock_testing_context_window_fallbacks"]))
        {
            return LiteLLMErrorKind.ContextWindowExceededError;
        }

        if (JsonRead.IsTrue(body["mock_testing_content_policy_fallbacks"]))
        {
            return LiteLLMErrorKind.ContentPolicyViolationError;
        }

        return JsonRead.IsTrue(body["mock_testing_rate_limit_error"]) ? LiteLLMErrorKind.RateLimitError : null;
    }

    // A list of model names, or of {"model": ..., "messages": [...]} (those messages replace the request's for that fallback).
    private static (string[]? Names, Dictionary<string, JsonArray>? Messages) FallbacksOf(JsonNode? node)
    {
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (node is not JsonArray list)
        {
            throw new GatewayException(400, "Invalid 'fallbacks': expected a list of model names.", "invalid_request_error", "fallbacks");
        }

        var names = new string[list.Count];
        Dictionary<string, JsonArray>? messages = null;
        for (var i = 0; i < list.Count; i++)
        {
            switch (list[i])
            {
                case JsonValue value when value.TryGetValue<string>(out var name):
                    names[i] = name;
                    break;
                case JsonObject entry when entry["model"] is JsonValue model && model.TryGetValue<string>(out var name):
                    names[i] = name;
                    if (entry["messages"] is JsonArray own)
                    {
                        (messages ??= new Dictionary<string, JsonArray>(StringComparer.Ordinal))[name] = own;
                    }
                    else if (entry["messages"] is { } other && other.GetValueKind() != JsonValueKind.Null)
                    {
                        throw new GatewayException(400, "Invalid 'fallbacks': an entry's 'messages' must be a list.", "invalid_request_error", "fallbacks");
                    }

                    break;
                default:
                    throw new GatewayException(400, "Invalid 'fallbacks': each entry must be a model name or {\"model\": ...}.", "invalid_request_error", "fallbacks");
            }
        }

        return (names, messages);
    }

    private static double? Number(JsonNode? node, string name)
    {
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<double>(out var number) && number >= 0)
        {
            return number;
        }

        throw new GatewayException(400, $"Invalid '{name}': expected a non-negative number.", "invalid_request_error", name);
    }

    private static double? HeaderNumber(IHeaderDictionary headers, string name)
    {
        if (!headers.TryGetValue(name, out var text) || text.Count == 0)
        {
            return null;
        }

        return double.TryParse(text.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new GatewayException(400, $"Invalid header '{name}': expected a non-negative number.", "invalid_request_error");
    }

    private static TimeSpan? Seconds(double? seconds) => seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null;
}
