using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Anthropic;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>An Anthropic Messages request (<c>POST /v1/messages</c>) → an OpenAI chat-completions request for any provider.</summary>
public static class AnthropicToOpenAIRequest
{
    /// <summary>
    /// Translates system, messages (text, image, document, tool_use, tool_result, thinking blocks), tools, tool_choice,
    /// max_tokens, stop_sequences, temperature, top_p, top_k, stream, metadata.user_id and thinking. Streams ask for usage.
    /// </summary>
    /// <exception cref="AnthropicRequestException">The body is not a usable Messages request.</exception>
    public static JsonObject Translate(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (JsonRead.String(request["model"]) is not { Length: > 0 } model)
        {
            throw new AnthropicRequestException("model: Field required");
        }

        if (request["messages"] is not JsonArray anthropicMessages)
        {
            throw new AnthropicRequestException("messages: Field required");
        }

        var messages = new JsonArray();
        if (SystemMessage(request["system"]) is { } system)
        {
            messages.Add(system);
        }

        foreach (var node in anthropicMessages)
        {
            if (node is not JsonObject message)
            {
                throw new AnthropicRequestException("messages: each message must be an object");
            }

            switch (JsonRead.String(message["role"]))
            {
                case "user":
                    AddUser(message["content"], messages);
                    break;
                case "assistant":
                    messages.Add(Assistant(message["content"]));
                    break;
                default:
                    throw new AnthropicRequestException($"messages: Unexpected role \"{JsonRead.String(message["role"])}\"; roles must be user or assistant");
            }
        }

        var openAi = new JsonObject { ["model"] = model, ["messages"] = messages };
        foreach (var (key, value) in request)
        {
            if (value is null)
            {
                continue;
            }

            switch (key)
            {
                case "model" or "messages" or "system":
                    break;
                case "max_tokens" or "temperature" or "top_p" or "top_k" or "thinking":
                    openAi[key] = value.DeepClone();
                    break;
                case "stop_sequences":
                    openAi["stop"] = value.DeepClone();
                    break;
                case "stream":
                    if (JsonRead.IsTrue(value))
                    {
                        openAi["stream"] = true;
                        // The usage chunk is what message_delta's usage is made from.
                        openAi["stream_options"] = new JsonObject { ["include_usage"] = true };
                    }

                    break;
                case "metadata":
                    if (JsonRead.String(value.Prop("user_id")) is { } user)
                    {
                        openAi["user"] = user;
                    }

                    break;
                case "tools":
                    if (Tools(value) is { Count: > 0 } tools)
                    {
                        openAi["tools"] = tools;
                    }

                    break;
                case "tool_choice":
                    ApplyToolChoice(value, openAi);
                    break;
                default:
                    // Anthropic-only fields (service_tier, container, mcp_servers...) travel as provider-specific params.
                    openAi[key] = value.DeepClone();
                    break;
            }
        }

        return openAi;
    }

    private static JsonObject? SystemMessage(JsonNode? system)
    {
        if (JsonRead.String(system) is { } text)
        {
            return text.Length == 0 ? null : new JsonObject { ["role"] = "system", ["content"] = text };
        }

        if (system is not JsonArray blocks || blocks.Count == 0)
        {
            return null;
        }

        var parts = new JsonArray();
        var hasCacheControl = false;
        foreach (var block in blocks)
        {
            if (JsonRead.String(block.Prop("text")) is { } blockText)
            {
                var part = new JsonObject { ["type"] = "text", ["text"] = blockText };
                if (block.Prop("cache_control") is { } cacheControl)
                {
                    part["cache_control"] = cacheControl.DeepClone();
                    hasCacheControl = true;
                }

                parts.Add(part);
            }
        }

        // Plain text reaches every provider; parts only when they carry prompt-caching marks.
        return new JsonObject { ["role"] = "system", ["content"] = hasCacheControl || parts.Count > 1 ? parts : JoinText(parts) };
    }

    private static void AddUser(JsonNode? content, JsonArray messages)
    {
        if (JsonRead.String(content) is { } text)
        {
            messages.Add(new JsonObject { ["role"] = "user", ["content"] = text });
            return;
        }

        if (content is not JsonArray blocks)
        {
            throw new AnthropicRequestException("messages: content must be a string or an array of blocks");
        }

        // Tool results become OpenAI tool messages, which must directly follow the assistant's tool calls.
        var parts = new JsonArray();
        foreach (var blockNode in blocks)
        {
            if (blockNode is not JsonObject block)
            {
                continue;
            }

            if (JsonRead.String(block["type"]) == "tool_result")
            {
                messages.Add(ToolMessage(block));
            }
            else if (Part(block) is { } part)
            {
                parts.Add(part);
            }
        }

        if (parts.Count == 1 && parts[0] is JsonObject only && JsonRead.String(only["type"]) == "text" && only["cache_control"] is null)
        {
            // A lone text block is plain text: every OpenAI-compatible server takes a string, not all take parts.
            messages.Add(new JsonObject { ["role"] = "user", ["content"] = JsonRead.String(only["text"]) });
        }
        else if (parts.Count > 0)
        {
            messages.Add(new JsonObject { ["role"] = "user", ["content"] = parts });
        }
    }

    private static JsonObject Assistant(JsonNode? content)
    {
        var message = new JsonObject { ["role"] = "assistant" };
        if (JsonRead.String(content) is { } text)
        {
            message["content"] = text;
            return message;
        }

        var blocks = AnthropicContent.Read(content, static (read, block) => read.AddToolCall(new JsonObject
        {
            ["id"] = JsonRead.String(block.Prop("id")),
            ["type"] = "function",
            ["function"] = new JsonObject
            {
                ["name"] = JsonRead.String(block.Prop("name")),
                ["arguments"] = block.Prop("input")?.ToJsonString() ?? "{}",
            },
        }));
        var textContent = blocks.Text;
        var toolCalls = blocks.ToolCalls;
        var reasoning = blocks.Reasoning;
        var thinkingBlocks = blocks.ThinkingBlocks;
        message["content"] = textContent?.ToString();
        if (toolCalls is not null)
        {
            message["tool_calls"] = toolCalls;
        }

        if (reasoning is not null)
        {
            message["reasoning_content"] = reasoning.ToString();
        }

        if (thinkingBlocks is not null)
        {
            message["thinking_blocks"] = thinkingBlocks;
        }

        return message;
    }

    private static JsonObject ToolMessage(JsonObject block)
    {
        var message = new JsonObject
        {
            ["role"] = "tool",
            ["tool_call_id"] = JsonRead.String(block["tool_use_id"]),
        };
        var content = block["content"];
        if (content is JsonArray blocks)
        {
            var parts = new JsonArray();
            var onlyText = true;
            foreach (var inner in blocks)
            {
                if (inner is JsonObject innerBlock && Part(innerBlock) is { } part)
                {
                    onlyText &= JsonRead.String(part["type"]) == "text";
                    parts.Add(part);
                }
            }

            message["content"] = onlyText ? JoinText(parts) : parts;
        }
        else
        {
            message["content"] = JsonRead.String(content) ?? "";
        }

        if (JsonRead.IsTrue(block["is_error"]) && JsonRead.String(message["content"]) is { } errorText)
        {
            // OpenAI tool messages have no error flag; say it in the text so the model still learns the call failed.
            message["content"] = "Error: " + errorText;
        }

        return message;
    }

    /// <summary>One Anthropic user content block as an OpenAI content part.</summary>
    private static JsonObject? Part(JsonObject block)
    {
        JsonObject? part = JsonRead.String(block["type"]) switch
        {
            "text" => new JsonObject { ["type"] = "text", ["text"] = JsonRead.String(block["text"]) ?? "" },
            "image" => ImagePart(block["source"]),
            "document" => DocumentPart(block["source"]),
            _ => null,
        };
        if (part is not null && block["cache_control"] is { } cacheControl)
        {
            part["cache_control"] = cacheControl.DeepClone();
        }

        return part;
    }

    private static JsonObject? ImagePart(JsonNode? source)
    {
        var url = JsonRead.String(source.Prop("type")) switch
        {
            "base64" => $"data:{JsonRead.String(source.Prop("media_type"))};base64,{JsonRead.String(source.Prop("data"))}",
            "url" => JsonRead.String(source.Prop("url")),
            _ => null,
        };
        return url is null ? null : new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = url } };
    }

    private static JsonObject? DocumentPart(JsonNode? source)
    {
        var file = JsonRead.String(source.Prop("type")) switch
        {
            "base64" => new JsonObject
            {
                ["file_data"] = $"data:{JsonRead.String(source.Prop("media_type"))};base64,{JsonRead.String(source.Prop("data"))}",
            },
            "file" => new JsonObject { ["file_id"] = JsonRead.String(source.Prop("file_id")) },
            _ => null,
        };
        if (JsonRead.String(source.Prop("type")) == "text" && JsonRead.String(source.Prop("data")) is { } text)
        {
            return new JsonObject { ["type"] = "text", ["text"] = text };
        }

        return file is null ? null : new JsonObject { ["type"] = "file", ["file"] = file };
    }

    private static JsonArray Tools(JsonNode value)
    {
        var tools = new JsonArray();
        if (value is not JsonArray anthropicTools)
        {
            return tools;
        }

        foreach (var toolNode in anthropicTools)
        {
            if (toolNode is not JsonObject tool)
            {
                continue;
            }

            var type = JsonRead.String(tool["type"]);
            if (type is null or "custom")
            {
                var function = new JsonObject { ["name"] = JsonRead.String(tool["name"]) };
                if (JsonRead.String(tool["description"]) is { } description)
                {
                    function["description"] = description;
                }

                function["parameters"] = tool["input_schema"]?.DeepClone() ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
                var openAiTool = new JsonObject { ["type"] = "function", ["function"] = function };
                if (tool["cache_control"] is { } cacheControl)
                {
                    openAiTool["cache_control"] = cacheControl.DeepClone();
                }

                tools.Add(openAiTool);
            }
            else
            {
                // Hosted Anthropic tools (web_search_20250305, bash_..., text_editor_...) only an Anthropic backend runs; kept as-is.
                tools.Add(tool.DeepClone());
            }
        }

        return tools;
    }

    private static void ApplyToolChoice(JsonNode value, JsonObject openAi)
    {
        JsonNode? choice = JsonRead.String(value.Prop("type")) switch
        {
            "auto" => "auto",
            "any" => "required",
            "none" => "none",
            "tool" => new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = JsonRead.String(value.Prop("name")) },
            },
            _ => null,
        };
        if (choice is not null)
        {
            openAi["tool_choice"] = choice;
        }

        if (JsonRead.IsTrue(value.Prop("disable_parallel_tool_use")))
        {
            openAi["parallel_tool_calls"] = false;
        }
    }

    private static string JoinText(JsonArray parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(JsonRead.String(part.Prop("text")));
        }

        return text.ToString();
    }
}
