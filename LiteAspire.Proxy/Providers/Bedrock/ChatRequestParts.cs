using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>
/// Small readers of OpenAI request pieces that the Bedrock, Cohere and Ollama adapters share (content text, stop lists,
/// tool arguments, error bodies). Typed JSON reads, data URLs and unsupported params are in Providers/Shared.
/// </summary>
public static class ChatRequestParts
{
    /// <summary>The text of an OpenAI <c>content</c>: the string itself, or every <c>text</c> part joined.</summary>
    public static string TextOf(JsonNode? content)
    {
        if (content is null)
        {
            return "";
        }

        if (content.GetValueKind() == JsonValueKind.String)
        {
            return content.GetValue<string>();
        }

        if (content is not JsonArray parts)
        {
            return content.ToJsonString();
        }

        if (parts.Count == 1)
        {
            return parts[0]?["text"]?.GetValue<string>() ?? "";
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part?["text"] is { } piece)
            {
                text.Append(piece.GetValue<string>());
            }
        }

        return text.ToString();
    }

    /// <summary>OpenAI <c>stop</c> (a string or a list) as a JSON array, or null when absent.</summary>
    public static JsonArray? StopList(JsonNode? stop) => stop switch
    {
        null => null,
        JsonArray list => (JsonArray)list.DeepClone(),
        _ when stop.GetValueKind() == JsonValueKind.String => [stop.GetValue<string>()],
        _ => null,
    };

    /// <summary>A tool call's <c>arguments</c> string parsed to a JSON object; malformed or empty arguments become <c>{}</c>.</summary>
    public static JsonNode ParseArguments(JsonNode? arguments)
    {
        if (arguments is JsonObject already)
        {
            return already.DeepClone();
        }

        var text = arguments?.GetValueKind() == JsonValueKind.String ? arguments.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject();
        }
    }

    /// <summary>The URL of an <c>image_url</c> part (<c>{"image_url":{"url"}}</c> or <c>{"image_url":"..."}</c>).</summary>
    public static string? ImageUrlOf(JsonNode part) => part["image_url"] switch
    {
        JsonObject image => image["url"]?.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => null,
    };

    /// <summary>The message of a JSON error body (<c>message</c>, <c>Message</c>, <c>error</c> or <c>error.message</c>), else the raw body.</summary>
    public static string ErrorMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty error body)";
        }

        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                var node = json["message"] ?? json["Message"] ?? json["error"];
                if (node is JsonObject inner)
                {
                    node = inner["message"];
                }

                if (node?.GetValueKind() == JsonValueKind.String)
                {
                    return node.GetValue<string>();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body itself is the message.
        }

        return body;
    }

    /// <summary>
    /// Runs a request translation, turning the JSON type errors a malformed client body causes (an array where an object
    /// belongs, a fraction where an integer belongs) into a 400 instead of a 500.
    /// </summary>
    public static T Translate<T>(string provider, Func<T> translate)
    {
        ArgumentNullException.ThrowIfNull(translate);
        try
        {
            return translate();
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or JsonException)
        {
            throw new ProviderException(LiteLLMErrorKind.BadRequestError, provider, $"Invalid request for {provider}: {error.Message}", 400);
        }
    }

    /// <summary>One upstream stream event's JSON as an object; JSON that does not parse is the upstream's fault, a 500 APIError.</summary>
    public static JsonObject ParseUpstreamEvent(string provider, ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonNode.Parse(utf8) as JsonObject ?? [];
        }
        catch (JsonException error)
        {
            throw new ProviderException(LiteLLMErrorKind.APIError, provider, $"Invalid JSON in the {provider} stream: {error.Message}", 500);
        }
    }

    /// <inheritdoc cref="ParseUpstreamEvent(string, ReadOnlySpan{byte})"/>
    public static JsonObject ParseUpstreamEvent(string provider, string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (JsonException error)
        {
            throw new ProviderException(LiteLLMErrorKind.APIError, provider, $"Invalid JSON in the {provider} stream: {error.Message}", 500);
        }
    }

    /// <summary>The request's <c>max_completion_tokens</c> or <c>max_tokens</c>.</summary>
    public static JsonNode? MaxTokens(JsonObject request) => request["max_completion_tokens"] ?? request["max_tokens"];

    /// <summary>A JSON body as UTF-8 bytes with <c>application/json</c>.</summary>
    public static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
