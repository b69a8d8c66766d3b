using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.OpenAI;

/// <summary>Reads an OpenAI-shaped error body (<c>{"error":{"message","param"}}</c>, or <c>{"message"}</c>, or text) into a <see cref="ProviderException"/>.</summary>
public static class OpenAIErrorReader
{
    /// <summary>The exception for a failed upstream response.</summary>
    public static ProviderException Read(string provider, int statusCode, string body)
    {
        var (message, param) = Parse(body);
        if (message.Length == 0)
        {
            message = $"upstream returned HTTP {statusCode} with no message";
        }

        return new ProviderException(LiteLLMErrors.Classify(statusCode, message), provider, message, statusCode, param);
    }

    /// <summary>The message and param of an error body, whatever its shape.</summary>
    public static (string Message, string? Param) Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            var node = JsonNode.Parse(body);
            var error = node?["error"];
            if (error is JsonObject errorObject)
            {
                return (Text(errorObject["message"]) ?? errorObject.ToJsonString(), Text(errorObject["param"]));
            }

            if (error is JsonValue errorValue)
            {
                return (Text(errorValue) ?? body, null);
            }

            if (node is JsonObject other && Text(other["message"] ?? other["detail"]) is { } message)
            {
                return (message, null);
            }
        }
        catch (JsonException)
        {
            // Not JSON: an HTML error page or plain text; the text is the message.
        }

        return (body.Trim(), null);
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        null => null,
        _ => node.ToJsonString(),
    };
}
