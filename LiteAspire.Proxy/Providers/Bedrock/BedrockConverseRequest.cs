using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>Translates an OpenAI chat-completions body into a Bedrock Converse body.</summary>
public static class BedrockConverseRequest
{
    /// <summary>The tool LiteLLM forces for <c>response_format</c>; its input comes back as the message content.</summary>
    public const string JsonToolName = "json_tool_call";

    private const string Provider = "bedrock";

    // OpenAI params Converse has no place for.
    private static readonly string[] Unsupported = ["n", "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "seed", "audio", "modalities", "prediction"];

    /// <summary>Builds <c>{messages, system, inferenceConfig, toolConfig, additionalModelRequestFields}</c>.</summary>
    public static JsonObject Build(JsonObject request, bool dropParams)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var name in Unsupported)
        {
            if (request[name] is { } value && !(name == "n" && JsonRead.LongOrZero(value) == 1))
            {
                UnsupportedParams.Reject(dropParams, Provider, name);
            }
        }

        var body = new JsonObject();
        var system = new JsonArray();
        body["messages"] = Messages(request["messages"] as JsonArray, system);
        if (system.Count > 0)
        {
            body["system"] = system;
        }

        var inference = new JsonObject();
        Copy(ChatRequestParts.MaxTokens(request), inference, "maxTokens");
        Copy(request["temperature"], inference, "temperature");
        Copy(request["top_p"], inference, "topP");
        if (ChatRequestParts.StopList(request["stop"]) is { Count: > 0 } stop)
        {
            inference["stopSequences"] = stop;
        }

        if (inference.Count > 0)
        {
            body["inferenceConfig"] = inference;
        }

        if (ToolConfig(request, dropParams) is { } toolConfig)
        {
            body["toolConfig"] = toolConfig;
        }

        var additional = new JsonObject();
        Copy(request["top_k"], additional, "top_k");
        if (request["thinking"] is JsonObject thinking)
        {
            additional["thinking"] = thinking.DeepClone();
        }
        else if (JsonRead.String(request["reasoning_effort"]) is { } effort)
        {
            additional["thinking"] = new JsonObject { ["type"] = "enabled", ["budget_tokens"] = ThinkingBudget(effort) };
        }

        if (additional.Count > 0)
        {
            body["additionalModelRequestFields"] = additional;
        }

        // Bedrock-native fields a client may send as extra body, passed through untouched.
        foreach (var name in (ReadOnlySpan<string>)["guardrailConfig", "performanceConfig", "promptVariables", "requestMetadata"])
        {
            if (request[name] is JsonObject value)
            {
                body[name] = value.DeepClone();
            }
        }

        return body;
    }

    private static JsonArray Messages(JsonArray? messages, JsonArray system)
    {
        var turns = new JsonArray();
        if (messages is null)
        {
            return turns;
        }

        string? lastRole = null;
        JsonArray? lastContent = null;
        foreach (var node in messages)
        {
            if (node is not JsonObject message)
            {
                continue;
            }

            var role = JsonRead.String(message["role"]) ?? "user";
            if (role is "system" or "developer")
            {
                SystemBlocks(message["content"], system);
                continue;
            }

            // Tool results travel inside a user turn; Converse needs user/assistant to alternate, so same-role runs merge.
            var bedrockRole = role == "assistant" ? "assistant" : "user";
            var content = role switch
            {
                "assistant" => AssistantContent(message),
                "tool" or "function" => [ToolResult(message)],
                _ => UserContent(message["content"]),
            };
            if (content.Count == 0)
            {
                continue;
            }

            if (bedrockRole == lastRole && lastContent is not null)
            {
                while (content.Count > 0)
                {
                    var block = content[0];
                    content.RemoveAt(0);
                    lastContent.Add(block);
                }

                continue;
            }

            lastRole = bedrockRole;
            lastContent = content;
            turns.Add(new JsonObject { ["role"] = bedrockRole, ["content"] = content });
        }

        return turns;
    }

    private static JsonArray UserContent(JsonNode? content)
    {
        var blocks = new JsonArray();
        if (content is JsonArray parts)
        {
            foreach (var part in parts)
            {
                if (part is null)
                {
                    continue;
                }

                switch (JsonRead.String(part["type"]))
                {
                    // Converse rejects blank text blocks, so empty parts are left out.
                    case "text" when JsonRead.String(part["text"]) is { Length: > 0 } partText:
                        blocks.Add(new JsonObject { ["text"] = partText });
                        break;
                    case "image_url":
                        blocks.Add(Image(ChatRequestParts.ImageUrlOf(part)));
                        break;
                    case "file":
                        blocks.Add(Document(part["file"], blocks.Count));
                        break;
                    default:
                        break;
                }

                AddCachePoint(part, blocks);
            }

            return blocks;
        }

        var text = ChatRequestParts.TextOf(content);
        if (text.Length > 0)
        {
            blocks.Add(new JsonObject { ["text"] = text });
        }

        return blocks;
    }

    private static void SystemBlocks(JsonNode? content, JsonArray system)
    {
        if (content is JsonArray parts)
        {
            foreach (var part in parts)
            {
                if (JsonRead.String(part?["text"]) is { Length: > 0 } piece)
                {
                    system.Add(new JsonObject { ["text"] = piece });
                    AddCachePoint(part!, system);
                }
            }

            return;
        }

        if (ChatRequestParts.TextOf(content) is { Length: > 0 } text)
        {
            system.Add(new JsonObject { ["text"] = text });
        }
    }

    // OpenAI/Anthropic-style cache_control on a part becomes a Converse cachePoint right after that part's block.
    private static void AddCachePoint(JsonNode part, JsonArray blocks)
    {
        if (part["cache_control"] is JsonObject)
        {
            blocks.Add(new JsonObject { ["cachePoint"] = new JsonObject { ["type"] = "default" } });
        }
    }

    private static JsonObject Document(JsonNode? file, int position)
    {
        var data = JsonRead.String(file?["file_data"]);
        if (data is null || !DataUrl.TryParse(data, out var mediaType, out var base64))
        {
            throw new ProviderException(LiteLLMErrorKind.BadRequestError, Provider,
                "Bedrock Converse takes files as base64 data URLs in file.file_data.", 400, "messages");
        }

        var format = mediaType[(mediaType.LastIndexOf('/') + 1)..].ToLowerInvariant() switch
        {
            "plain" => "txt",
            "vnd.openxmlformats-officedocument.wordprocessingml.document" => "docx",
            "vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
            "msword" => "doc",
            "vnd.ms-excel" => "xls",
            var other => other,
        };
        // Converse names must be letters, digits, spaces, hyphens, parentheses or brackets; the name is not shown to users.
        var name = $"document {position + 1}";
        return new JsonObject { ["document"] = new JsonObject { ["format"] = format, ["name"] = name, ["source"] = new JsonObject { ["bytes"] = base64 } } };
    }

    private static JsonObject Image(string? url)
    {
        if (url is null || !DataUrl.TryParse(url, out var mediaType, out var data))
        {
            throw new ProviderException(LiteLLMErrorKind.BadRequestError, Provider,
                "Bedrock Converse takes images as base64 data URLs (data:image/png;base64,...).", 400, "messages");
        }

        var format = mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? mediaType[6..].ToLowerInvariant() : mediaType;
        if (format == "jpg")
        {
            format = "jpeg";
        }

        return new JsonObject { ["image"] = new JsonObject { ["format"] = format, ["source"] = new JsonObject { ["bytes"] = data } } };
    }

    private static JsonArray AssistantContent(JsonObject message)
    {
        var blocks = new JsonArray();
        var text = ChatRequestParts.TextOf(message["content"]);
        if (text.Length > 0)
        {
            blocks.Add(new JsonObject { ["text"] = text });
        }

        if (message["tool_calls"] is JsonArray calls)
        {
            foreach (var call in calls)
            {
                if (call?["function"] is not JsonObject function)
                {
                    continue;
                }

                blocks.Add(new JsonObject
                {
                    ["toolUse"] = new JsonObject
                    {
                        ["toolUseId"] = JsonRead.String(call["id"]) ?? "",
                        ["name"] = JsonRead.String(function["name"]) ?? "",
                        ["input"] = ChatRequestParts.ParseArguments(function["arguments"]),
                    },
                });
            }
        }

        return blocks;
    }

    private static JsonObject ToolResult(JsonObject message) => new()
    {
        ["toolResult"] = new JsonObject
        {
            ["toolUseId"] = JsonRead.String(message["tool_call_id"]) ?? JsonRead.String(message["name"]) ?? "",
            ["content"] = new JsonArray { new JsonObject { ["text"] = ChatRequestParts.TextOf(message["content"]) } },
        },
    };

    private static JsonObject? ToolConfig(JsonObject request, bool dropParams)
    {
        var tools = new JsonArray();
        JsonObject? choice = null;
        if (request["tools"] is JsonArray openAiTools)
        {
            foreach (var tool in openAiTools)
            {
                if (tool?["function"] is not JsonObject function)
                {
                    continue;
                }

                var spec = new JsonObject
                {
                    ["name"] = JsonRead.String(function["name"]) ?? "",
                    ["inputSchema"] = new JsonObject
                    {
                        ["json"] = function["parameters"]?.DeepClone() ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() },
                    },
                };
                if (JsonRead.String(function["description"]) is { Length: > 0 } description)
                {
                    spec.Insert(1, "description", description);
                }

                tools.Add(new JsonObject { ["toolSpec"] = spec });
            }
        }

        switch (request["tool_choice"])
        {
            case null:
                break;
            case JsonObject named when JsonRead.String(named["function"]?["name"]) is { } name:
                choice = new JsonObject { ["tool"] = new JsonObject { ["name"] = name } };
                break;
            case var value when JsonRead.String(value) is "auto":
                choice = new JsonObject { ["auto"] = new JsonObject() };
                break;
            case var value when JsonRead.String(value) is "required":
                choice = new JsonObject { ["any"] = new JsonObject() };
                break;
            case var value when JsonRead.String(value) is "none":
                // Converse has no "none": the only faithful translation is to offer no tools at all.
                UnsupportedParams.Reject(dropParams, Provider, "tool_choice", "Bedrock Converse has no tool_choice 'none'");
                return null;
            default:
                break;
        }

        if (JsonSchemaTool(request["response_format"]) is { } jsonTool)
        {
            tools.Add(jsonTool);
            choice = new JsonObject { ["tool"] = new JsonObject { ["name"] = JsonToolName } };
        }

        if (tools.Count == 0)
        {
            return null;
        }

        var config = new JsonObject { ["tools"] = tools };
        if (choice is not null)
        {
            config["toolChoice"] = choice;
        }

        return config;
    }

    // LiteLLM answers response_format on Converse with a forced tool whose input schema is the requested schema.
    private static JsonObject? JsonSchemaTool(JsonNode? responseFormat)
    {
        var type = JsonRead.String(responseFormat?["type"]);
        if (type is not ("json_schema" or "json_object"))
        {
            return null;
        }

        var schema = responseFormat?["json_schema"]?["schema"]?.DeepClone()
            ?? responseFormat?["response_schema"]?.DeepClone()
            ?? new JsonObject { ["type"] = "object" };
        return new JsonObject
        {
            ["toolSpec"] = new JsonObject
            {
                ["name"] = JsonToolName,
                ["description"] = "Respond with a JSON object.",
                ["inputSchema"] = new JsonObject { ["json"] = schema },
            },
        };
    }

    private static int ThinkingBudget(string effort) => effort switch
    {
        "minimal" or "low" => 1024,
        "medium" => 2048,
        _ => 4096,
    };

    private static void Copy(JsonNode? value, JsonObject target, string name)
    {
        if (value is not null && value.GetValueKind() != JsonValueKind.Null)
        {
            target[name] = value.DeepClone();
        }
    }
}
