using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Shared;

/// <summary>Builders for the OpenAI objects every adapter returns, so their shape is written once.</summary>
public static class OpenAIShapes
{
    /// <summary>Seconds since the Unix epoch, as OpenAI's <c>created</c>.</summary>
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>A fresh <c>chatcmpl-</c> id for providers that send none.</summary>
    public static string NewCompletionId() => "chatcmpl-" + Guid.NewGuid().ToString("N");

    /// <summary>A fresh <c>call_</c> tool-call id for providers that send none (Gemini).</summary>
    public static string NewToolCallId() => "call_" + Guid.NewGuid().ToString("N")[..24];

    /// <summary><c>{"prompt_tokens","completion_tokens","total_tokens"}</c>, with details when given.</summary>
    public static JsonObject Usage(long promptTokens, long completionTokens, long? cachedTokens = null, long? reasoningTokens = null,
        long? cacheCreationTokens = null)
    {
        var usage = new JsonObject
        {
            ["prompt_tokens"] = promptTokens,
            ["completion_tokens"] = completionTokens,
            ["total_tokens"] = promptTokens + completionTokens,
        };
        if (cachedTokens is not null)
        {
            usage["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = cachedTokens };
        }

        if (reasoningTokens is not null)
        {
            usage["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = reasoningTokens };
        }

        if (cacheCreationTokens is not null)
        {
            // LiteLLM's Anthropic usage fields, kept for cost: cache writes and reads.
            usage["cache_creation_input_tokens"] = cacheCreationTokens;
            usage["cache_read_input_tokens"] = cachedTokens ?? 0;
        }

        return usage;
    }

    /// <summary>A <c>chat.completion</c> with one choice per message given.</summary>
    public static JsonObject ChatCompletion(string id, string model, long created, IEnumerable<(JsonObject Message, string FinishReason)> choices, JsonObject? usage)
    {
        var array = new JsonArray();
        var index = 0;
        foreach (var (message, finishReason) in choices)
        {
            array.Add(new JsonObject
            {
                ["index"] = index++,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            });
        }

        var completion = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = array,
        };
        if (usage is not null)
        {
            completion["usage"] = usage;
        }

        return completion;
    }

    /// <summary>An assistant message: <c>content</c> (null when only tool calls), and <c>tool_calls</c> when any.</summary>
    public static JsonObject AssistantMessage(string? content, JsonArray? toolCalls = null, string? reasoningContent = null)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (toolCalls is { Count: > 0 })
        {
            message["tool_calls"] = toolCalls;
        }

        if (reasoningContent is not null)
        {
            message["reasoning_content"] = reasoningContent;
        }

        return message;
    }

    /// <summary>A complete tool call: <c>{"id","type":"function","function":{"name","arguments"}}</c>.</summary>
    public static JsonObject ToolCall(string id, string name, string arguments, int? index = null)
    {
        var call = new JsonObject
        {
            ["id"] = id,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
        };
        if (index is not null)
        {
            call["index"] = index;
        }

        return call;
    }

    /// <summary>A <c>chat.completion.chunk</c> with one choice carrying <paramref name="delta"/>.</summary>
    public static JsonObject Chunk(string id, string model, long created, JsonObject delta, string? finishReason = null, int choiceIndex = 0) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new JsonArray
        {
            new JsonObject
            {
                ["index"] = choiceIndex,
                ["delta"] = delta,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            },
        },
    };

    /// <summary>The final usage chunk: <c>"choices": []</c> and <c>usage</c>, as OpenAI sends with include_usage.</summary>
    public static JsonObject UsageChunk(string id, string model, long created, JsonObject usage) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new JsonArray(),
        ["usage"] = usage,
    };
}
