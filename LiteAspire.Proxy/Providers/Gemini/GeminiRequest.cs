using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>
/// An OpenAI chat-completions request as a Gemini <c>GenerateContentRequest</c> body, shared by AI Studio (<c>gemini/</c>) and
/// Vertex AI (<c>vertex_ai/</c>). Parameters Gemini does not take are a 400 UnsupportedParamsError unless drop_params.
/// </summary>
public static class GeminiRequest
{
    /// <summary>LiteLLM's default thinking budgets for <c>reasoning_effort</c>.</summary>
    private static int ThinkingBudget(string effort, string provider) => effort switch
    {
        "minimal" => 128,
        "low" => 1024,
        "medium" => 2048,
        "high" => 4096,
        _ => throw GeminiErrors.BadRequest(provider, $"reasoning_effort '{effort}' is not one of none, minimal, low, medium, high", "reasoning_effort"),
    };

    /// <summary>Builds the upstream body for <paramref name="call"/>; a value of the wrong JSON type is a 400, never a 500.</summary>
    public static JsonObject Translate(ChatCall call, string provider)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return TranslateChecked(call, provider);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json's GetValue/AsArray throw this when a client sends e.g. a number where a string belongs.
            throw GeminiErrors.BadRequest(provider, "invalid request: " + e.Message);
        }
    }

    private static JsonObject TranslateChecked(ChatCall call, string provider)
    {
        var request = call.Request;
        var model = request["model"]?.GetValue<string>() ?? call.Deployment.UpstreamModel;
        var body = new JsonObject();
        var config = new JsonObject();
        GeminiContents.Write(request["messages"], body, provider);

        foreach (var (key, value) in request)
        {
            if (value is null)
            {
                continue;
            }

            switch (key)
            {
                case "model" or "messages" or "stream" or "stream_options" or "parallel_tool_calls":
                    // parallel_tool_calls: Gemini decides on its own; accepted and ignored, as LiteLLM does.
                    break;
                case "temperature":
                    config["temperature"] = value.DeepClone();
                    break;
                case "top_p":
                    config["topP"] = value.DeepClone();
                    break;
                case "top_k":
                    config["topK"] = value.DeepClone();
                    break;
                case "max_tokens" or "max_completion_tokens":
                    config["maxOutputTokens"] = value.DeepClone();
                    break;
                case "stop":
                    config["stopSequences"] = value.GetValueKind() == JsonValueKind.String ? new JsonArray { value.GetValue<string>() } : value.DeepClone();
                    break;
                case "n":
                    config["candidateCount"] = value.DeepClone();
                    break;
                case "presence_penalty":
                    config["presencePenalty"] = value.DeepClone();
                    break;
                case "frequency_penalty":
                    config["frequencyPenalty"] = value.DeepClone();
                    break;
                case "seed":
                    config["seed"] = value.DeepClone();
                    break;
                case "response_format":
                    WriteResponseFormat(value, config, provider);
                    break;
                case "logprobs":
                    if (value.GetValueKind() == JsonValueKind.True)
                    {
                        config["responseLogprobs"] = true;
                    }

                    break;
                case "top_logprobs":
                    config["logprobs"] = value.DeepClone();
                    break;
                case "reasoning_effort":
                    var effort = value.GetValue<string>();
                    config["thinkingConfig"] = effort is "none" or "disable"
                        ? new JsonObject { ["thinkingBudget"] = 0 }
                        : new JsonObject { ["thinkingBudget"] = ThinkingBudget(effort, provider), ["includeThoughts"] = true };
                    break;
                case "thinking":
                    // Anthropic-style {"type":"enabled","budget_tokens":N}, which LiteLLM also accepts for Gemini.
                    config["thinkingConfig"] = value["type"]?.GetValue<string>() == "enabled"
                        ? new JsonObject { ["thinkingBudget"] = value["budget_tokens"]?.DeepClone(), ["includeThoughts"] = true }
                        : new JsonObject { ["thinkingBudget"] = 0 };
                    break;
                case "modalities":
                    var modalities = new JsonArray();
                    foreach (var modality in value.AsArray())
                    {
                        modalities.Add(modality!.GetValue<string>().ToUpperInvariant());
                    }

                    config["responseModalities"] = modalities;
                    break;
                case "tools":
                    var tools = GeminiTools.Translate(value, provider);
                    if (tools.Count > 0)
                    {
                        body["tools"] = tools;
                    }

                    break;
                case "tool_choice":
                    body["toolConfig"] = GeminiTools.ToolConfig(value, provider);
                    break;
                case "safety_settings" or "safetySettings":
                    body["safetySettings"] = value.DeepClone();
                    break;
                case "cached_content" or "cachedContent":
                    body["cachedContent"] = value.DeepClone();
                    break;
                case "labels":
                    body["labels"] = value.DeepClone();
                    break;
                default:
                    if (!call.DropParams)
                    {
                        throw GeminiErrors.UnsupportedParam(provider, key, model);
                    }

                    break;
            }
        }

        // safety_settings set on the deployment (litellm_params) apply when the request has none.
        if (body["safetySettings"] is null && call.Deployment.Params.TryGetValue("safety_settings", out var safety) && safety is not null)
        {
            body["safetySettings"] = safety as JsonNode ?? JsonSerializer.SerializeToNode(safety);
        }

        if (config.Count > 0)
        {
            body["generationConfig"] = config;
        }

        return body;
    }

    private static void WriteResponseFormat(JsonNode format, JsonObject config, string provider)
    {
        switch (format["type"]?.GetValue<string>())
        {
            case "text":
                break;
            case "json_object":
                config["responseMimeType"] = "application/json";
                break;
            case "json_schema":
                config["responseMimeType"] = "application/json";
                if (format["json_schema"]?["schema"] is JsonObject schema)
                {
                    config["responseSchema"] = GeminiTools.CleanSchema(schema);
                }

                break;
            default:
                throw GeminiErrors.BadRequest(provider, "response_format.type must be text, json_object or json_schema", "response_format");
        }
    }
}
