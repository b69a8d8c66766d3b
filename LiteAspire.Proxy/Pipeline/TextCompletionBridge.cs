using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// <c>/v1/completions</c> for providers with only a chat adapter (Anthropic, Gemini, ...): the prompt becomes one user
/// message, and the chat answer (or its chunks) comes back as <c>text_completion</c> objects, as LiteLLM does.
/// </summary>
public static class TextCompletionBridge
{
    // Completion parameters that mean the same in chat; the rest (echo, suffix, best_of, logprobs as a number) have no chat twin.
    private static readonly string[] s_shared =
    [
        "model", "max_tokens", "temperature", "top_p", "n", "stop", "stream", "stream_options", "presence_penalty",
        "frequency_penalty", "seed", "user", "logit_bias", "drop_params", "metadata",
    ];

    /// <summary>The chat request for a completions request.</summary>
    /// <exception cref="GatewayException">The prompt is missing or is token ids.</exception>
    public static JsonObject ToChatRequest(JsonObject completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var chat = new JsonObject { ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = PromptText(completion["prompt"]) } } };
        foreach (var name in s_shared)
        {
            if (completion[name] is { } value)
            {
                chat[name] = value.DeepClone();
            }
        }

        return chat;
    }

    /// <summary>A <c>chat.completion</c> as a <c>text_completion</c>.</summary>
    public static JsonObject FromChatResponse(JsonObject chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var choices = new JsonArray();
        if (chat["choices"] is JsonArray chatChoices)
        {
            foreach (var choice in chatChoices)
            {
                choices.Add(Choice(choice?["index"], choice?["message"]?["content"], choice?["finish_reason"]));
            }
        }

        var result = Envelope(chat, choices);
        if (chat["usage"] is { } usage)
        {
            result["usage"] = usage.DeepClone();
        }

        return result;
    }

    /// <summary>Chat chunks as <c>text_completion</c> chunks (the usage chunk keeps its empty choices and usage).</summary>
    public static async IAsyncEnumerable<JsonObject> FromChatChunks(IAsyncEnumerable<JsonObject> chunks, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var choices = new JsonArray();
            if (chunk["choices"] is JsonArray chatChoices)
            {
                foreach (var choice in chatChoices)
                {
                    choices.Add(Choice(choice?["index"], choice?["delta"]?["content"], choice?["finish_reason"]));
                }
            }

            var result = Envelope(chunk, choices);
            if (chunk["usage"] is { } usage)
            {
                result["usage"] = usage.DeepClone();
            }

            yield return result;
        }
    }

    private static JsonObject Envelope(JsonObject chat, JsonArray choices) => new()
    {
        ["id"] = chat["id"]?.DeepClone(),
        ["object"] = "text_completion",
        ["created"] = chat["created"]?.DeepClone(),
        ["model"] = chat["model"]?.DeepClone(),
        ["choices"] = choices,
    };

    private static JsonObject Choice(JsonNode? index, JsonNode? text, JsonNode? finishReason) => new()
    {
        ["text"] = text is JsonValue value && value.TryGetValue<string>(out var content) ? content : "",
        ["index"] = index?.DeepClone() ?? 0,
        ["logprobs"] = null,
        ["finish_reason"] = finishReason?.DeepClone(),
    };

    private static string PromptText(JsonNode? prompt)
    {
        switch (prompt?.GetValueKind())
        {
            case JsonValueKind.String:
                return prompt.GetValue<string>();
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var part in prompt.AsArray())
                {
                    if (part?.GetValueKind() != JsonValueKind.String)
                    {
                        throw new GatewayException(400, "This provider takes the prompt as text; token-id prompts are not supported.", "invalid_request_error", "prompt");
                    }

                    text.Append(part.GetValue<string>());
                }

                return text.ToString();
            default:
                throw new GatewayException(400, "Missing required parameter: 'prompt'.", "invalid_request_error", "prompt");
        }
    }
}
