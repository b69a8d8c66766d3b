using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>OpenAI <c>messages</c> as Gemini <c>contents</c> (alternating <c>user</c>/<c>model</c> turns) and <c>system_instruction</c>.</summary>
public static class GeminiContents
{
    /// <summary>Fills <c>contents</c> and, when there are system messages, <c>system_instruction</c> on <paramref name="body"/>.</summary>
    public static void Write(JsonNode? messages, JsonObject body, string provider)
    {
        if (messages is not JsonArray list || list.Count == 0)
        {
            throw GeminiErrors.BadRequest(provider, "messages must be a non-empty array", "messages");
        }

        var contents = new JsonArray();
        var systemParts = new JsonArray();
        // Tool messages carry only the call id; Gemini wants the function name back.
        var toolNames = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonObject? current = null;
        string? currentRole = null;

        foreach (var message in list)
        {
            var role = message?["role"]?.GetValue<string>();
            if (role is "system" or "developer")
            {
                GeminiParts.AppendContent(message!["content"], systemParts, provider);
                continue;
            }

            var geminiRole = role switch
            {
                "user" or "tool" or "function" => "user",
                "assistant" => "model",
                _ => throw GeminiErrors.BadRequest(provider, $"unknown message role '{role}'", "messages"),
            };

            // Gemini requires alternating roles: consecutive messages of one role share a turn (tool results are grouped).
            if (current is null || currentRole != geminiRole)
            {
                current = new JsonObject { ["role"] = geminiRole, ["parts"] = new JsonArray() };
                contents.Add(current);
                currentRole = geminiRole;
            }

            var parts = (JsonArray)current["parts"]!;
            switch (role)
            {
                case "assistant":
                    GeminiParts.AppendContent(message!["content"], parts, provider);
                    AppendToolCalls(message["tool_calls"], parts, toolNames, provider);
                    break;
                case "tool":
                case "function":
                    parts.Add(FunctionResponse(message!, toolNames));
                    break;
                default:
                    GeminiParts.AppendContent(message!["content"], parts, provider);
                    break;
            }
        }

        foreach (var content in contents)
        {
            var parts = (JsonArray)content!["parts"]!;
            if (parts.Count == 0)
            {
                // Gemini rejects a turn without parts (e.g. an assistant turn that was only a refusal).
                parts.Add(new JsonObject { ["text"] = " " });
            }
        }

        if (contents.Count == 0)
        {
            contents.Add(new JsonObject { ["role"] = "user", ["parts"] = new JsonArray { new JsonObject { ["text"] = " " } } });
        }

        body["contents"] = contents;
        if (systemParts.Count > 0)
        {
            body["system_instruction"] = new JsonObject { ["parts"] = systemParts };
        }
    }

    private static void AppendToolCalls(JsonNode? toolCalls, JsonArray parts, Dictionary<string, string> toolNames, string provider)
    {
        if (toolCalls is not JsonArray calls)
        {
            return;
        }

        foreach (var call in calls)
        {
            var function = call?["function"];
            var name = function?["name"]?.GetValue<string>()
                ?? throw GeminiErrors.BadRequest(provider, "assistant tool_calls[].function.name is required", "messages");
            var id = call!["id"]?.GetValue<string>();
            if (id is not null)
            {
                toolNames[id] = name;
            }

            var part = new JsonObject
            {
                ["functionCall"] = new JsonObject { ["name"] = name, ["args"] = ParseArguments(function!["arguments"], provider) },
            };
            if (GeminiThoughtSignatures.Decode(id) is { } signature)
            {
                part["thoughtSignature"] = signature;
            }

            parts.Add(part);
        }
    }

    private static JsonObject ParseArguments(JsonNode? arguments, string provider)
    {
        if (arguments is JsonObject already)
        {
            return (JsonObject)already.DeepClone();
        }

        var text = arguments?.GetValueKind() == JsonValueKind.String ? arguments.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw GeminiErrors.BadRequest(provider, "tool call arguments must be a JSON object", "messages");
        }
        catch (JsonException)
        {
            throw GeminiErrors.BadRequest(provider, "tool call arguments are not valid JSON", "messages");
        }
    }

    private static JsonObject FunctionResponse(JsonNode message, Dictionary<string, string> toolNames)
    {
        var id = message["tool_call_id"]?.GetValue<string>();
        var name = message["name"]?.GetValue<string>()
            ?? (id is not null && toolNames.TryGetValue(id, out var known) ? known : "")
            ;
        var text = ContentText(message["content"]);
        // A JSON object result is passed as the response itself; anything else is wrapped, as Gemini requires an object.
        JsonObject response;
        try
        {
            response = text.Length > 0 && text[0] == '{' && JsonNode.Parse(text) is JsonObject parsed ? parsed : new JsonObject { ["content"] = text };
        }
        catch (JsonException)
        {
            response = new JsonObject { ["content"] = text };
        }

        return new JsonObject { ["functionResponse"] = new JsonObject { ["name"] = name, ["response"] = response } };
    }

    private static string ContentText(JsonNode? content)
    {
        if (content is null)
        {
            return "";
        }

        if (content.GetValueKind() == JsonValueKind.String)
        {
            return content.GetValue<string>();
        }

        if (content is JsonArray parts)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var part in parts)
            {
                if (part?["text"]?.GetValue<string>() is { } text)
                {
                    builder.Append(text);
                }
            }

            return builder.ToString();
        }

        return content.ToJsonString();
    }
}
