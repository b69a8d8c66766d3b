using System.Text;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>
/// OpenAI <c>messages</c> → Anthropic <c>system</c> + <c>messages</c>: system turns lifted to the top level, tool calls and
/// results as <c>tool_use</c>/<c>tool_result</c> blocks, content parts as blocks, consecutive same-role turns merged.
/// </summary>
public static class AnthropicMessageTranslator
{
    /// <summary>The translated system prompt (a string, blocks when any block carries cache_control, null when none) and turns.</summary>
    /// <exception cref="ProviderException">No messages, or a message Anthropic cannot take (400).</exception>
    public static (JsonNode? System, JsonArray Messages) Translate(JsonNode? openAiMessages)
    {
        if (openAiMessages is not JsonArray messages || messages.Count == 0)
        {
            throw BadRequest("messages must be a non-empty array", "messages");
        }

        var systemBlocks = new JsonArray();
        var systemHasCacheControl = false;
        var turns = new JsonArray();
        foreach (var node in messages)
        {
            if (node is not JsonObject message)
            {
                throw BadRequest("each message must be an object", "messages");
            }

            var role = JsonRead.String(message["role"]);
            switch (role)
            {
                case "system" or "developer":
                    systemHasCacheControl |= AddSystem(message, systemBlocks);
                    break;
                case "user":
                    Append(turns, "user", UserBlocks(message));
                    break;
                case "assistant":
                    Append(turns, "assistant", AssistantBlocks(message));
                    break;
                case "tool" or "function":
                    Append(turns, "user", [ToolResult(message)]);
                    break;
                default:
                    throw BadRequest($"Invalid message role: '{role}'", "messages");
            }
        }

        return (SystemOf(systemBlocks, systemHasCacheControl), turns);
    }

    /// <summary>One OpenAI content part as an Anthropic block (text, image, document), or null for parts Anthropic cannot take.</summary>
    public static JsonObject? ContentBlock(JsonObject part)
    {
        JsonObject? block = JsonRead.String(part["type"]) switch
        {
            "text" => new JsonObject { ["type"] = "text", ["text"] = JsonRead.String(part["text"]) ?? "" },
            "image_url" => ImageBlock(part["image_url"]),
            "file" => DocumentBlock(part["file"]),
            // Anthropic-native blocks sent through the OpenAI shape (document, search_result...) go on unchanged.
            "image" or "document" or "search_result" or "tool_result" or "tool_use" => (JsonObject)part.DeepClone(),
            _ => null,
        };
        if (block is not null && part["cache_control"] is { } cacheControl && block["cache_control"] is null)
        {
            block["cache_control"] = cacheControl.DeepClone();
        }

        return block;
    }

    private static bool AddSystem(JsonObject message, JsonArray systemBlocks)
    {
        var hasCacheControl = false;
        if (message["content"] is JsonArray parts)
        {
            foreach (var partNode in parts)
            {
                if (partNode is JsonObject part && JsonRead.String(part["text"]) is { } text)
                {
                    var block = new JsonObject { ["type"] = "text", ["text"] = text };
                    if (part["cache_control"] is { } cacheControl)
                    {
                        block["cache_control"] = cacheControl.DeepClone();
                        hasCacheControl = true;
                    }

                    systemBlocks.Add(block);
                }
            }
        }
        else if (JsonRead.String(message["content"]) is { Length: > 0 } text)
        {
            systemBlocks.Add(new JsonObject { ["type"] = "text", ["text"] = text });
        }

        // LiteLLM also accepts cache_control on the message itself: it marks the message's last block.
        if (message["cache_control"] is { } messageCacheControl && systemBlocks.Count > 0)
        {
            systemBlocks[^1]!["cache_control"] = messageCacheControl.DeepClone();
            hasCacheControl = true;
        }

        return hasCacheControl;
    }

    private static JsonNode? SystemOf(JsonArray blocks, bool hasCacheControl)
    {
        if (blocks.Count == 0)
        {
            return null;
        }

        if (hasCacheControl)
        {
            return blocks;
        }

        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(JsonRead.String(block!["text"]));
        }

        return text.ToString();
    }

    private static JsonArray UserBlocks(JsonObject message)
    {
        var blocks = new JsonArray();
        if (message["content"] is JsonArray parts)
        {
            foreach (var partNode in parts)
            {
                if (partNode is JsonObject part && ContentBlock(part) is { } block)
                {
                    blocks.Add(block);
                }
            }
        }
        else if (JsonRead.String(message["content"]) is { } text)
        {
            blocks.Add(new JsonObject { ["type"] = "text", ["text"] = text });
        }

        MarkLastBlock(message, blocks);
        return blocks;
    }

    private static JsonArray AssistantBlocks(JsonObject message)
    {
        var blocks = new JsonArray();
        // Thinking blocks must come back first and unchanged (with their signature) when thinking is on with tools.
        if (message["thinking_blocks"] is JsonArray thinkingBlocks)
        {
            foreach (var thinking in thinkingBlocks)
            {
                if (thinking is JsonObject)
                {
                    blocks.Add(thinking.DeepClone());
                }
            }
        }

        if (message["content"] is JsonArray parts)
        {
            foreach (var partNode in parts)
            {
                if (partNode is JsonObject part && ContentBlock(part) is { } block && !IsEmptyText(block))
                {
                    blocks.Add(block);
                }
            }
        }
        else if (JsonRead.String(message["content"]) is { Length: > 0 } text)
        {
            blocks.Add(new JsonObject { ["type"] = "text", ["text"] = text });
        }

        if (message["tool_calls"] is JsonArray toolCalls)
        {
            foreach (var callNode in toolCalls)
            {
                if (callNode is not JsonObject call)
                {
                    continue;
                }

                var function = call["function"];
                blocks.Add(new JsonObject
                {
                    ["type"] = "tool_use",
                    ["id"] = JsonRead.String(call["id"]),
                    ["name"] = JsonRead.String(function.Prop("name")),
                    ["input"] = AnthropicJson.ParseArguments(JsonRead.String(function.Prop("arguments"))),
                });
            }
        }

        MarkLastBlock(message, blocks);
        return blocks;
    }

    private static JsonObject ToolResult(JsonObject message)
    {
        var result = new JsonObject
        {
            ["type"] = "tool_result",
            ["tool_use_id"] = JsonRead.String(message["tool_call_id"]) ?? JsonRead.String(message["name"]),
        };
        if (message["content"] is JsonArray parts)
        {
            var blocks = new JsonArray();
            foreach (var partNode in parts)
            {
                if (partNode is JsonObject part && ContentBlock(part) is { } block)
                {
                    blocks.Add(block);
                }
            }

            result["content"] = blocks;
        }
        else
        {
            result["content"] = JsonRead.String(message["content"]) ?? "";
        }

        if (message["cache_control"] is { } cacheControl)
        {
            result["cache_control"] = cacheControl.DeepClone();
        }

        return result;
    }

    private static JsonObject? ImageBlock(JsonNode? imageUrl)
    {
        var url = JsonRead.String(imageUrl) ?? JsonRead.String(imageUrl.Prop("url"));
        if (url is null)
        {
            return null;
        }

        var source = DataUrl.TryParse(url, out var mediaType, out var data)
            ? new JsonObject { ["type"] = "base64", ["media_type"] = mediaType, ["data"] = data }
            : new JsonObject { ["type"] = "url", ["url"] = url };
        return new JsonObject { ["type"] = "image", ["source"] = source };
    }

    private static JsonObject? DocumentBlock(JsonNode? file)
    {
        if (JsonRead.String(file.Prop("file_data")) is { } fileData
            && DataUrl.TryParse(fileData, out var mediaType, out var data))
        {
            return new JsonObject
            {
                ["type"] = "document",
                ["source"] = new JsonObject { ["type"] = "base64", ["media_type"] = mediaType, ["data"] = data },
            };
        }

        if (JsonRead.String(file.Prop("file_id")) is { } fileId)
        {
            return new JsonObject { ["type"] = "document", ["source"] = new JsonObject { ["type"] = "file", ["file_id"] = fileId } };
        }

        return null;
    }

    private static void Append(JsonArray turns, string role, JsonArray blocks)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        // Anthropic wants user and assistant turns to alternate: consecutive same-role messages become one turn.
        if (turns.Count > 0 && turns[^1] is JsonObject last && JsonRead.String(last["role"]) == role && last["content"] is JsonArray content)
        {
            while (blocks.Count > 0)
            {
                var block = blocks[0];
                blocks.RemoveAt(0);
                content.Add(block);
            }

            return;
        }

        turns.Add(new JsonObject { ["role"] = role, ["content"] = blocks });
    }

    private static void MarkLastBlock(JsonObject message, JsonArray blocks)
    {
        if (message["cache_control"] is { } cacheControl && blocks.Count > 0)
        {
            blocks[^1]!["cache_control"] = cacheControl.DeepClone();
        }
    }

    private static bool IsEmptyText(JsonObject block) =>
        JsonRead.String(block["type"]) == "text" && string.IsNullOrEmpty(JsonRead.String(block["text"]));

    private static ProviderException BadRequest(string message, string param) =>
        new(LiteLLMErrorKind.BadRequestError, AnthropicErrors.Provider, message, 400, param);
}
