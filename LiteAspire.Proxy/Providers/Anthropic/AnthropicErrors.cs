using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>Turns Anthropic's <c>{"type":"error","error":{"type","message"}}</c> bodies and stream events into LiteLLM exceptions.</summary>
public static class AnthropicErrors
{
    /// <summary>The provider prefix used in LiteLLM's messages (<c>AnthropicException</c>).</summary>
    public const string Provider = "anthropic";

    /// <summary>A failed HTTP response: the status decides the class, the message refines it (context window, content policy).</summary>
    public static ProviderException FromResponse(int statusCode, string body)
    {
        var message = MessageOf(TryParse(body)) ?? (string.IsNullOrWhiteSpace(body) ? $"HTTP {statusCode}" : body);
        return new ProviderException(LiteLLMErrors.Classify(statusCode, message), Provider, message, statusCode);
    }

    /// <summary>An <c>error</c> event inside a stream (headers already said 200): its type stands in for the status.</summary>
    public static ProviderException FromStreamEvent(JsonNode? eventData)
    {
        var error = eventData.Prop("error");
        var status = AnthropicErrorTypes.StatusFor(JsonRead.String(error.Prop("type")));
        var message = JsonRead.String(error.Prop("message")) ?? "Anthropic stream error";
        return new ProviderException(LiteLLMErrors.Classify(status, message), Provider, message, status);
    }

    private static string? MessageOf(JsonNode? body) => JsonRead.String(body.Prop("error").Prop("message"));

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
