using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Anthropic;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>An OpenAI <c>chat.completion</c> → an Anthropic Messages response.</summary>
public static class OpenAIToAnthropicResponse
{
    /// <summary>Content blocks thinking → text → tool_use from the first choice; stop_reason from finish_reason; usage split back into Anthropic's fields.</summary>
    public static JsonObject Translate(JsonObject completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var choice = completion["choices"] is JsonArray { Count: > 0 } choices ? choices[0] : null;
        var message = choice.Prop("message");
        var content = new JsonArray();

        if (message.Prop("thinking_blocks") is JsonArray thinkingBlocks && thinkingBlocks.Count > 0)
        {
            foreach (var block in thinkingBlocks)
            {
                if (block is JsonObject)
                {
                    content.Add(block.DeepClone());
                }
            }
        }
        else if (JsonRead.String(message.Prop("reasoning_content")) is { Length: > 0 } reasoning)
        {
            content.Add(new JsonObject { ["type"] = "thinking", ["thinking"] = reasoning, ["signature"] = "" });
        }

        if (TextOf(message.Prop("content")) is { Length: > 0 } text)
        {
            content.Add(new JsonObject { ["type"] = "text", ["text"] = text });
        }

        if (message.Prop("tool_calls") is JsonArray toolCalls)
        {
            foreach (var call in toolCalls)
            {
                var function = call.Prop("function");
                content.Add(new JsonObject
                {
                    ["type"] = "tool_use",
                    ["id"] = JsonRead.String(call.Prop("id")) ?? "toolu_" + Guid.NewGuid().ToString("N")[..24],
                    ["name"] = JsonRead.String(function.Prop("name")),
                    ["input"] = AnthropicJson.ParseArguments(JsonRead.String(function.Prop("arguments"))),
                });
            }
        }

        return new JsonObject
        {
            ["id"] = AnthropicMessageIds.From(JsonRead.String(completion["id"])),
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = JsonRead.String(completion["model"]) ?? "",
            ["content"] = content,
            ["stop_reason"] = AnthropicStopReasons.FromFinishReason(JsonRead.String(choice.Prop("finish_reason"))),
            ["stop_sequence"] = null,
            ["usage"] = Usage(completion["usage"]),
        };
    }

    /// <summary>
    /// OpenAI usage → Anthropic usage: <c>input_tokens</c> = prompt − cache read − cache creation (the inverse of how
    /// <see cref="AnthropicUsage"/> counts), <c>output_tokens</c> = completion, cache fields when the provider gave them.
    /// </summary>
    public static JsonObject Usage(JsonNode? usage)
    {
        var prompt = JsonRead.Long(usage.Prop("prompt_tokens")) ?? 0;
        var cacheRead = JsonRead.Long(usage.Prop("cache_read_input_tokens"))
            ?? JsonRead.Long(usage.Prop("prompt_tokens_details").Prop("cached_tokens")) ?? 0;
        var cacheCreation = JsonRead.Long(usage.Prop("cache_creation_input_tokens")) ?? 0;
        return new JsonObject
        {
            ["input_tokens"] = Math.Max(0, prompt - cacheRead - cacheCreation),
            ["output_tokens"] = JsonRead.Long(usage.Prop("completion_tokens")) ?? 0,
            ["cache_creation_input_tokens"] = cacheCreation,
            ["cache_read_input_tokens"] = cacheRead,
        };
    }

    private static string? TextOf(JsonNode? content)
    {
        if (JsonRead.String(content) is { } text)
        {
            return text;
        }

        if (content is not JsonArray parts)
        {
            return null;
        }

        // Some providers answer with content parts; only their text has an Anthropic equivalent here.
        var joined = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            joined.Append(JsonRead.String(part.Prop("text")));
        }

        return joined.ToString();
    }
}
