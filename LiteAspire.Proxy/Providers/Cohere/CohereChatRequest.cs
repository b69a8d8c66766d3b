using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Cohere;

/// <summary>Translates an OpenAI chat-completions body into a Cohere v2 <c>/v2/chat</c> body (OpenAI-like messages and tools).</summary>
public static class CohereChatRequest
{
    private const string Provider = "cohere";

    // OpenAI names → Cohere v2 names, for the scalar params Cohere takes.
    private static readonly (string OpenAI, string Cohere)[] Renamed =
    [
        ("temperature", "temperature"),
        ("top_p", "p"),
        ("top_k", "k"),
        ("seed", "seed"),
        ("frequency_penalty", "frequency_penalty"),
        ("presence_penalty", "presence_penalty"),
        ("logprobs", "logprobs"),
    ];

    private static readonly string[] Unsupported = ["logit_bias", "top_logprobs", "audio", "modalities", "prediction"];

    /// <summary>Builds the v2 chat body; <c>stream</c> is carried over.</summary>
    public static JsonObject Build(JsonObject request, bool dropParams)
    {
        ArgumentNullException.ThrowIfNull(request);
        UnsupportedParams.RejectPresent(request, dropParams, Provider, Unsupported);

        var body = new JsonObject
        {
            ["model"] = JsonRead.String(request["model"]),
            ["messages"] = Messages(request["messages"] as JsonArray),
        };
        if (request["stream"]?.GetValueKind() == JsonValueKind.True)
        {
            body["stream"] = true;
        }

        if (ChatRequestParts.MaxTokens(request) is { } maxTokens)
        {
            body["max_tokens"] = maxTokens.DeepClone();
        }

        foreach (var (openAi, cohere) in Renamed)
        {
            if (request[openAi] is { } value && value.GetValueKind() != JsonValueKind.Null)
            {
                body[cohere] = value.DeepClone();
            }
        }

        if (ChatRequestParts.StopList(request["stop"]) is { Count: > 0 } stop)
        {
            body["stop_sequences"] = stop;
        }

        if (request["tools"] is JsonArray tools && tools.Count > 0)
        {
            body["tools"] = tools.DeepClone();
        }

        ToolChoice(request["tool_choice"], body, dropParams);
        if (ResponseFormat(request["response_format"]) is { } format)
        {
            body["response_format"] = format;
        }

        return body;
    }

    private static JsonArray Messages(JsonArray? messages)
    {
        var result = new JsonArray();
        if (messages is null)
        {
            return result;
        }

        foreach (var node in messages)
        {
            if (node is not JsonObject message)
            {
                continue;
            }

            var role = JsonRead.String(message["role"]) ?? "user";
            switch (role)
            {
                case "system" or "developer":
                    result.Add(new JsonObject { ["role"] = "system", ["content"] = ChatRequestParts.TextOf(message["content"]) });
                    break;
                case "assistant":
                    result.Add(Assistant(message));
                    break;
                case "tool" or "function":
                    result.Add(new JsonObject
                    {
                        ["role"] = "tool",
                        ["tool_call_id"] = JsonRead.String(message["tool_call_id"]) ?? "",
                        ["content"] = ChatRequestParts.TextOf(message["content"]),
                    });
                    break;
                default:
                    result.Add(new JsonObject { ["role"] = "user", ["content"] = UserContent(message["content"]) });
                    break;
            }
        }

        return result;
    }

    private static JsonNode UserContent(JsonNode? content)
    {
        if (content is not JsonArray parts)
        {
            return ChatRequestParts.TextOf(content);
        }

        var blocks = new JsonArray();
        foreach (var part in parts)
        {
            switch (JsonRead.String(part?["type"]))
            {
                case "text":
                    blocks.Add(new JsonObject { ["type"] = "text", ["text"] = JsonRead.String(part!["text"]) ?? "" });
                    break;
                case "image_url" when ChatRequestParts.ImageUrlOf(part!) is { } url:
                    blocks.Add(new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = url } });
                    break;
                default:
                    break;
            }
        }

        return blocks;
    }

    private static JsonObject Assistant(JsonObject message)
    {
        var result = new JsonObject { ["role"] = "assistant" };
        var text = ChatRequestParts.TextOf(message["content"]);
        if (text.Length > 0)
        {
            result["content"] = text;
        }

        if (message["tool_calls"] is JsonArray calls && calls.Count > 0)
        {
            var cohereCalls = new JsonArray();
            foreach (var call in calls)
            {
                if (call?["function"] is not JsonObject function)
                {
                    continue;
                }

                cohereCalls.Add(new JsonObject
                {
                    ["id"] = JsonRead.String(call["id"]) ?? "",
                    ["type"] = "function",
                    ["function"] = new JsonObject
                    {
                        ["name"] = JsonRead.String(function["name"]) ?? "",
                        ["arguments"] = JsonRead.String(function["arguments"]) ?? "{}",
                    },
                });
            }

            result["tool_calls"] = cohereCalls;
        }

        return result;
    }

    private static void ToolChoice(JsonNode? choice, JsonObject body, bool dropParams)
    {
        switch (choice)
        {
            case null:
                return;
            case JsonObject:
                // v2 can require a tool call, not name which one.
                UnsupportedParams.Reject(dropParams, Provider, "tool_choice", "Cohere cannot force a named tool");
                return;
            default:
                var value = JsonRead.String(choice);
                if (value == "required")
                {
                    body["tool_choice"] = "REQUIRED";
                }
                else if (value == "none")
                {
                    body["tool_choice"] = "NONE";
                }

                return;
        }
    }

    private static JsonObject? ResponseFormat(JsonNode? format)
    {
        switch (JsonRead.String(format?["type"]))
        {
            case "json_object":
                return new JsonObject { ["type"] = "json_object" };
            case "json_schema":
                var result = new JsonObject { ["type"] = "json_object" };
                if (format?["json_schema"]?["schema"] is { } schema)
                {
                    result["json_schema"] = schema.DeepClone();
                }

                return result;
            default:
                return null;
        }
    }
}
