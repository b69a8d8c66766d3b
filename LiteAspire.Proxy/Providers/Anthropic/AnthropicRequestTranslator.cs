using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>OpenAI chat request → Anthropic Messages request body (LiteLLM's <c>AnthropicConfig.transform_request</c>).</summary>
public static class AnthropicRequestTranslator
{
    /// <summary>LiteLLM's <c>DEFAULT_ANTHROPIC_CHAT_MAX_TOKENS</c>: Anthropic requires max_tokens, OpenAI does not.</summary>
    public const int DefaultMaxTokens = 4096;

    /// <summary>The forced tool that carries a <c>response_format</c> JSON answer.</summary>
    public const string JsonToolName = "json_tool_call";

    /// <summary>Builds the body. Null-valued parameters count as absent.</summary>
    /// <exception cref="ProviderException">An unsupported parameter without drop_params, or unusable messages (400).</exception>
    public static JsonObject Translate(JsonObject request, bool dropParams)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (system, messages) = AnthropicMessageTranslator.Translate(request["messages"]);
        var body = new JsonObject { ["model"] = AnthropicJson.Copy(request["model"]) };
        if (system is not null)
        {
            body["system"] = system;
        }

        body["messages"] = messages;

        long? maxTokens = null;
        JsonArray? tools = null;
        JsonObject? toolChoice = null;
        var disableParallel = false;
        List<string>? unsupported = null;
        foreach (var (key, value) in request)
        {
            if (value is null)
            {
                continue;
            }

            switch (key)
            {
                case "model" or "messages" or "stream_options" or "extra_headers":
                    break;
                case "max_tokens" or "max_completion_tokens":
                    maxTokens = JsonRead.Long(value) ?? maxTokens;
                    break;
                case "stream":
                    if (JsonRead.IsTrue(value))
                    {
                        body["stream"] = true;
                    }

                    break;
                case "temperature" or "top_p" or "top_k":
                    body[key] = value.DeepClone();
                    break;
                case "stop":
                    if (StopSequences(value, dropParams) is { Count: > 0 } stops)
                    {
                        body["stop_sequences"] = stops;
                    }

                    break;
                case "user":
                    if (JsonRead.String(value) is { Length: > 0 } user && !LooksLikeEmailOrPhone(user))
                    {
                        body["metadata"] = new JsonObject { ["user_id"] = user };
                    }

                    break;
                case "tools":
                    tools = Tools(value, tools);
                    break;
                case "tool_choice":
                    toolChoice = ToolChoice(value);
                    break;
                case "parallel_tool_calls":
                    disableParallel = JsonRead.IsFalse(value);
                    break;
                case "response_format":
                    if (JsonTool(value) is { } jsonTool)
                    {
                        (tools ??= []).Add(jsonTool);
                    }

                    break;
                case "reasoning_effort":
                    if (body["thinking"] is null && ThinkingFor(JsonRead.String(value)) is { } thinking)
                    {
                        body["thinking"] = thinking;
                    }

                    break;
                case "thinking":
                    body["thinking"] = value.DeepClone();
                    break;
                case "web_search_options":
                    (tools ??= []).Add(WebSearchTool(value));
                    break;
                case "n":
                    if (JsonRead.Long(value) is not (null or 1))
                    {
                        (unsupported ??= []).Add(key);
                    }

                    break;
                default:
                    if (AnthropicSupportedParams.Unsupported.Contains(key))
                    {
                        (unsupported ??= []).Add(key);
                    }
                    else
                    {
                        body[key] = value.DeepClone();
                    }

                    break;
            }
        }

        if (unsupported is not null && !dropParams)
        {
            throw Unsupported(unsupported, JsonRead.String(request["model"]));
        }

        body["max_tokens"] = maxTokens ?? DefaultMaxTokensFor(body["thinking"]);
        ApplyTools(body, request, tools, toolChoice, disableParallel);
        return body;
    }

    /// <summary>True when the request asked for JSON output, so the forced <see cref="JsonToolName"/> call is the answer.</summary>
    public static bool IsJsonMode(JsonObject request) =>
        request["response_format"] is JsonObject format && JsonRead.String(format["type"]) is "json_schema" or "json_object";

    /// <summary>LiteLLM's reasoning_effort → thinking budget.</summary>
    public static JsonObject? ThinkingFor(string? effort)
    {
        long? budget = effort switch
        {
            "minimal" or "low" => 1024,
            "medium" => 2048,
            "high" => 4096,
            _ => null,
        };
        return budget is null ? null : new JsonObject { ["type"] = "enabled", ["budget_tokens"] = budget };
    }

    private static long DefaultMaxTokensFor(JsonNode? thinking)
    {
        // Anthropic rejects max_tokens <= budget_tokens; without a client value leave room for the answer after thinking.
        var budget = JsonRead.Long(thinking.Prop("budget_tokens")) ?? 0;
        return budget >= DefaultMaxTokens ? budget + DefaultMaxTokens : DefaultMaxTokens;
    }

    private static void ApplyTools(JsonObject body, JsonObject request, JsonArray? tools, JsonObject? toolChoice, bool disableParallel)
    {
        if (IsJsonMode(request) && tools is not null)
        {
            // One tool in all: force it; other tools too: make the model call one of them (LiteLLM does the same).
            toolChoice = tools.Count == 1
                ? new JsonObject { ["type"] = "tool", ["name"] = JsonToolName }
                : new JsonObject { ["type"] = "any" };
        }

        if (tools is { Count: > 0 })
        {
            body["tools"] = tools;
        }

        if (disableParallel && JsonRead.String(toolChoice.Prop("type")) != "none")
        {
            toolChoice ??= new JsonObject { ["type"] = "auto" };
            toolChoice["disable_parallel_tool_use"] = true;
        }

        if (toolChoice is not null)
        {
            body["tool_choice"] = toolChoice;
        }
    }

    private static JsonArray? StopSequences(JsonNode value, bool dropParams)
    {
        var stops = new JsonArray();
        if (JsonRead.String(value) is { } single)
        {
            AddStop(stops, single, dropParams);
        }
        else if (value is JsonArray array)
        {
            foreach (var item in array)
            {
                if (JsonRead.String(item) is { } stop)
                {
                    AddStop(stops, stop, dropParams);
                }
            }
        }

        return stops;
    }

    private static void AddStop(JsonArray stops, string stop, bool dropParams)
    {
        // Anthropic rejects whitespace-only stop sequences; LiteLLM drops them when drop_params is on.
        if (!(dropParams && string.IsNullOrWhiteSpace(stop)))
        {
            stops.Add(stop);
        }
    }

    private static JsonArray Tools(JsonNode value, JsonArray? tools)
    {
        tools ??= [];
        if (value is not JsonArray array)
        {
            return tools;
        }

        foreach (var toolNode in array)
        {
            if (toolNode is not JsonObject tool)
            {
                continue;
            }

            if (JsonRead.String(tool["type"]) is "function" || tool["function"] is JsonObject)
            {
                tools.Add(FunctionTool(tool));
            }
            else
            {
                // Anthropic's hosted tools (web_search_*, bash_*, text_editor_*, computer_*...) are already in its shape.
                tools.Add(tool.DeepClone());
            }
        }

        return tools;
    }

    private static JsonObject FunctionTool(JsonObject tool)
    {
        var function = tool["function"] as JsonObject ?? [];
        var converted = new JsonObject { ["name"] = JsonRead.String(function["name"]) };
        if (JsonRead.String(function["description"]) is { } description)
        {
            converted["description"] = description;
        }

        converted["input_schema"] = InputSchema(function["parameters"]);
        if ((tool["cache_control"] ?? function["cache_control"]) is { } cacheControl)
        {
            converted["cache_control"] = cacheControl.DeepClone();
        }

        return converted;
    }

    private static readonly HashSet<string> AllowedSchemaKeys =
        ["type", "properties", "required", "additionalProperties", "$defs", "definitions", "description", "anyOf", "oneOf", "allOf"];

    private static JsonObject InputSchema(JsonNode? parameters)
    {
        var schema = new JsonObject();
        if (parameters is JsonObject source)
        {
            // Anthropic rejects JSON-Schema keywords such as $schema and strict at the top of input_schema.
            foreach (var (key, value) in source)
            {
                if (AllowedSchemaKeys.Contains(key))
                {
                    schema[key] = AnthropicJson.Copy(value);
                }
            }
        }

        if (schema["type"] is null)
        {
            schema["type"] = "object";
        }

        if (schema["properties"] is null && JsonRead.String(schema["type"]) == "object")
        {
            schema["properties"] = new JsonObject();
        }

        return schema;
    }

    private static JsonObject? ToolChoice(JsonNode value)
    {
        if (JsonRead.String(value) is { } mode)
        {
            return mode switch
            {
                "auto" => new JsonObject { ["type"] = "auto" },
                "required" or "any" => new JsonObject { ["type"] = "any" },
                "none" => new JsonObject { ["type"] = "none" },
                _ => null,
            };
        }

        if (value is not JsonObject choice)
        {
            return null;
        }

        if (JsonRead.String(choice["function"].Prop("name")) is { } name)
        {
            return new JsonObject { ["type"] = "tool", ["name"] = name };
        }

        // Already Anthropic-shaped ({"type":"tool","name":...} or {"type":"any"}).
        return (JsonObject)choice.DeepClone();
    }

    private static JsonObject? JsonTool(JsonNode value)
    {
        var type = JsonRead.String(value.Prop("type"));
        if (type is not ("json_schema" or "json_object"))
        {
            return null;
        }

        var schema = value.Prop("json_schema").Prop("schema") ?? value.Prop("response_schema");
        return new JsonObject
        {
            ["name"] = JsonToolName,
            ["description"] = "Respond with a JSON object.",
            ["input_schema"] = schema is JsonObject
                ? InputSchema(schema)
                : new JsonObject { ["type"] = "object", ["additionalProperties"] = true, ["properties"] = new JsonObject() },
        };
    }

    private static JsonObject WebSearchTool(JsonNode value)
    {
        var tool = new JsonObject { ["type"] = "web_search_20250305", ["name"] = "web_search" };
        if (value.Prop("user_location").Prop("approximate") is JsonObject location)
        {
            var userLocation = (JsonObject)location.DeepClone();
            userLocation["type"] = "approximate";
            tool["user_location"] = userLocation;
        }

        return tool;
    }

    private static bool LooksLikeEmailOrPhone(string user)
    {
        // Anthropic refuses personal data in metadata.user_id; LiteLLM skips values that look like it.
        if (user.Contains('@', StringComparison.Ordinal))
        {
            return true;
        }

        var digits = 0;
        foreach (var c in user)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c is not ('+' or '-' or ' ' or '(' or ')'))
            {
                return false;
            }
        }

        return digits >= 7;
    }

    private static ProviderException Unsupported(List<string> keys, string? model) =>
        new(LiteLLMErrorKind.UnsupportedParamsError, AnthropicErrors.Provider,
            $"anthropic does not support parameters: ['{string.Join("', '", keys)}'], for model={model}. To drop these, set "
            + "`litellm.drop_params=True` or for proxy:\n\n`litellm_settings:\n drop_params: true`\n",
            400, keys[0]);
}
