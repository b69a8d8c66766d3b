using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Ollama;

/// <summary>Translates an OpenAI chat-completions body into Ollama's <c>/api/chat</c> or <c>/api/generate</c> body.</summary>
public static class OllamaChatRequest
{
    private const string Provider = "ollama";

    // OpenAI names → Ollama options.
    private static readonly (string OpenAI, string Option)[] Options =
    [
        ("temperature", "temperature"),
        ("top_p", "top_p"),
        ("top_k", "top_k"),
        ("seed", "seed"),
        ("frequency_penalty", "repeat_penalty"),
        ("presence_penalty", "presence_penalty"),
        // Ollama-native options a client may send as extra body fields.
        ("repeat_penalty", "repeat_penalty"),
        ("num_ctx", "num_ctx"),
        ("num_predict", "num_predict"),
        ("min_p", "min_p"),
        ("mirostat", "mirostat"),
        ("mirostat_eta", "mirostat_eta"),
        ("mirostat_tau", "mirostat_tau"),
        ("repeat_last_n", "repeat_last_n"),
        ("num_gpu", "num_gpu"),
        ("num_thread", "num_thread"),
    ];

    private static readonly string[] Unsupported = ["logit_bias", "logprobs", "top_logprobs", "audio", "modalities", "prediction"];

    /// <summary>The <c>/api/chat</c> body: messages (images as base64, tool calls with object arguments), tools, format, options.</summary>
    public static JsonObject BuildChat(JsonObject request, bool dropParams)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Common(request, dropParams);
        body.Insert(1, "messages", Messages(request["messages"] as JsonArray));
        if (request["tools"] is JsonArray tools && tools.Count > 0)
        {
            body["tools"] = tools.DeepClone();
        }

        return body;
    }

    /// <summary>The <c>/api/generate</c> body: the conversation flattened into one <c>prompt</c> (system messages into <c>system</c> when they lead).</summary>
    public static JsonObject BuildGenerate(JsonObject request, bool dropParams)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request["tools"] is JsonArray { Count: > 0 })
        {
            UnsupportedParams.Reject(dropParams, Provider, "tools", "use ollama_chat/ for tool calling");
        }

        var body = Common(request, dropParams);
        var (system, prompt, images) = Flatten(request["messages"] as JsonArray);
        body.Insert(1, "prompt", prompt);
        if (system is not null)
        {
            body.Insert(2, "system", system);
        }

        if (images.Count > 0)
        {
            body["images"] = images;
        }

        return body;
    }

    private static JsonObject Common(JsonObject request, bool dropParams)
    {
        UnsupportedParams.RejectPresent(request, dropParams, Provider, Unsupported);

        // Ollama streams unless told otherwise, so the flag is always explicit.
        var body = new JsonObject
        {
            ["model"] = JsonRead.String(request["model"]),
            ["stream"] = request["stream"]?.GetValueKind() == JsonValueKind.True,
        };
        var options = new JsonObject();
        if (ChatRequestParts.MaxTokens(request) is { } maxTokens)
        {
            options["num_predict"] = maxTokens.DeepClone();
        }

        foreach (var (openAi, option) in Options)
        {
            if (request[openAi] is { } value && value.GetValueKind() != JsonValueKind.Null)
            {
                options[option] = value.DeepClone();
            }
        }

        if (ChatRequestParts.StopList(request["stop"]) is { Count: > 0 } stop)
        {
            options["stop"] = stop;
        }

        if (Format(request["response_format"]) is { } format)
        {
            body["format"] = format;
        }

        if (request["think"] is { } think)
        {
            body["think"] = think.DeepClone();
        }
        else if (JsonRead.String(request["reasoning_effort"]) is { } effort)
        {
            body["think"] = effort != "none";
        }

        if (request["keep_alive"] is { } keepAlive)
        {
            body["keep_alive"] = keepAlive.DeepClone();
        }

        if (options.Count > 0)
        {
            body["options"] = options;
        }

        return body;
    }

    private static JsonNode? Format(JsonNode? responseFormat) => JsonRead.String(responseFormat?["type"]) switch
    {
        "json_object" => "json",
        "json_schema" => responseFormat?["json_schema"]?["schema"]?.DeepClone() ?? "json",
        _ => null,
    };

    private static JsonArray Messages(JsonArray? messages)
    {
        var result = new JsonArray();
        if (messages is null)
        {
            return result;
        }

        // Ollama names a tool result by the tool's name; OpenAI by the call id, so remember which id called what.
        Dictionary<string, string>? toolNames = null;
        foreach (var node in messages)
        {
            if (node is not JsonObject message)
            {
                continue;
            }

            var role = JsonRead.String(message["role"]) ?? "user";
            var converted = new JsonObject
            {
                ["role"] = role switch { "developer" => "system", "function" => "tool", _ => role },
                ["content"] = ChatRequestParts.TextOf(message["content"]),
            };
            if (Images(message["content"]) is { Count: > 0 } images)
            {
                converted["images"] = images;
            }

            if (message["tool_calls"] is JsonArray calls && calls.Count > 0)
            {
                var ollamaCalls = new JsonArray();
                foreach (var call in calls)
                {
                    if (call?["function"] is not JsonObject function)
                    {
                        continue;
                    }

                    var name = JsonRead.String(function["name"]) ?? "";
                    if (JsonRead.String(call["id"]) is { } id)
                    {
                        (toolNames ??= [])[id] = name;
                    }

                    ollamaCalls.Add(new JsonObject
                    {
                        ["function"] = new JsonObject { ["name"] = name, ["arguments"] = ChatRequestParts.ParseArguments(function["arguments"]) },
                    });
                }

                converted["tool_calls"] = ollamaCalls;
            }

            if (role is "tool" or "function"
                && (JsonRead.String(message["name"])
                    ?? (toolNames is not null && JsonRead.String(message["tool_call_id"]) is { } callId && toolNames.TryGetValue(callId, out var known) ? known : null)) is { } toolName)
            {
                converted["tool_name"] = toolName;
            }

            result.Add(converted);
        }

        return result;
    }

    private static JsonArray? Images(JsonNode? content)
    {
        if (content is not JsonArray parts)
        {
            return null;
        }

        JsonArray? images = null;
        foreach (var part in parts)
        {
            if (JsonRead.String(part?["type"]) != "image_url")
            {
                continue;
            }

            var url = ChatRequestParts.ImageUrlOf(part!) ?? "";
            if (!DataUrl.TryParse(url, out _, out var data))
            {
                throw new ProviderException(LiteLLMErrorKind.BadRequestError, Provider,
                    "Ollama takes images as base64 data URLs (data:image/png;base64,...).", 400, "messages");
            }

            (images ??= []).Add(data);
        }

        return images;
    }

    // LiteLLM's ollama prompt template: "### System:", "### User:", "### Response:" sections, ending on an open response.
    private static (string? System, string Prompt, JsonArray Images) Flatten(JsonArray? messages)
    {
        var images = new JsonArray();
        if (messages is null)
        {
            return (null, "", images);
        }

        var leadingSystem = new StringBuilder();
        var start = 0;
        while (start < messages.Count && JsonRead.String(messages[start]?["role"]) is "system" or "developer")
        {
            if (leadingSystem.Length > 0)
            {
                leadingSystem.Append('\n');
            }

            leadingSystem.Append(ChatRequestParts.TextOf(messages[start]?["content"]));
            start++;
        }

        var system = leadingSystem.Length > 0 ? leadingSystem.ToString() : null;
        if (messages.Count - start == 1 && JsonRead.String(messages[start]?["role"]) is "user" or null)
        {
            // One user turn: a plain prompt, as a completion client expects.
            var only = messages[start]?["content"];
            AddImages(only, images);
            return (system, ChatRequestParts.TextOf(only), images);
        }

        var prompt = new StringBuilder();
        for (var i = start; i < messages.Count; i++)
        {
            var message = messages[i];
            var role = JsonRead.String(message?["role"]) ?? "user";
            AddImages(message?["content"], images);
            prompt.Append(role switch
            {
                "system" or "developer" => "### System:\n",
                "assistant" => "### Response:\n",
                _ => "### User:\n",
            });
            prompt.Append(ChatRequestParts.TextOf(message?["content"])).Append('\n');
        }

        prompt.Append("### Response:");
        return (system, prompt.ToString(), images);
    }

    private static void AddImages(JsonNode? content, JsonArray images)
    {
        if (Images(content) is { } found)
        {
            while (found.Count > 0)
            {
                var image = found[0];
                found.RemoveAt(0);
                images.Add(image);
            }
        }
    }
}
