using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>The gateway's own checks on an OpenAI request before anything is routed, with OpenAI's wording.</summary>
public static class ChatRequestValidator
{
    /// <summary>Checks <c>model</c> and returns it.</summary>
    /// <exception cref="GatewayException">400 when it is missing or not a string.</exception>
    public static string RequireModel(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var node = request["model"];
        if (node is null)
        {
            throw GatewayException.InvalidModel(null);
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw new GatewayException(400, $"Invalid type for 'model': expected a string, but got {KindName(node)} instead.", "invalid_request_error", "model");
        }

        var model = node.GetValue<string>();
        return model.Length > 0 ? model : throw GatewayException.InvalidModel(model);
    }

    /// <summary>Checks a chat request: <c>model</c>, a non-empty <c>messages</c> array of objects, a boolean <c>stream</c>.</summary>
    /// <exception cref="GatewayException">400 naming the field.</exception>
    public static string ValidateChat(JsonObject request)
    {
        var model = RequireModel(request);
        if (request["messages"] is not { } messages)
        {
            throw new GatewayException(400, "Missing required parameter: 'messages'.", "invalid_request_error", "messages");
        }

        if (messages is not JsonArray array)
        {
            throw new GatewayException(400, $"Invalid type for 'messages': expected an array of objects, but got {KindName(messages)} instead.",
                "invalid_request_error", "messages");
        }

        if (array.Count == 0)
        {
            throw new GatewayException(400, "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
                "invalid_request_error", "messages");
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject message)
            {
                throw new GatewayException(400, $"Invalid type for 'messages[{i}]': expected an object, but got {KindName(array[i])} instead.",
                    "invalid_request_error", $"messages[{i}]");
            }

            if (message["role"] is not JsonValue role || role.GetValueKind() != JsonValueKind.String)
            {
                throw new GatewayException(400, $"Missing required parameter: 'messages[{i}].role'.", "invalid_request_error", $"messages[{i}].role");
            }
        }

        RequireBooleanOrNull(request, "stream");
        return model;
    }

    /// <summary>Checks a field that must be a boolean when present.</summary>
    public static void RequireBooleanOrNull(JsonObject request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request[name] is { } node && node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new GatewayException(400, $"Invalid type for '{name}': expected a boolean, but got {KindName(node)} instead.", "invalid_request_error", name);
        }
    }

    /// <summary>OpenAI's names for JSON kinds in its messages.</summary>
    public static string KindName(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "an unknown value",
    };
}
