using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>OpenAI embeddings as Gemini <c>batchEmbedContents</c> and back.</summary>
public static class GeminiEmbeddings
{
    /// <summary>The <c>{"requests":[{model, content:{parts:[{text}]}, outputDimensionality}]}</c> body.</summary>
    public static JsonObject TranslateRequest(EmbeddingCall call, string model, string provider)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return TranslateRequestChecked(call, model, provider);
        }
        catch (InvalidOperationException e)
        {
            throw GeminiErrors.BadRequest(provider, "invalid request: " + e.Message);
        }
    }

    private static JsonObject TranslateRequestChecked(EmbeddingCall call, string model, string provider)
    {
        var request = call.Request;
        var inputs = new List<string>();
        switch (request["input"])
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                inputs.Add(value.GetValue<string>());
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item?.GetValueKind() != JsonValueKind.String)
                    {
                        throw GeminiErrors.BadRequest(provider, "Gemini embeddings take text input only (a string or an array of strings), not token arrays", "input");
                    }

                    inputs.Add(item.GetValue<string>());
                }

                break;
            default:
                throw GeminiErrors.BadRequest(provider, "input must be a string or an array of strings", "input");
        }

        JsonNode? dimensions = null;
        JsonNode? taskType = null;
        foreach (var (key, value) in request)
        {
            switch (key)
            {
                case "model" or "input" or "user":
                    break;
                case "encoding_format":
                    if (value?.GetValue<string>() is not (null or "float") && !call.DropParams)
                    {
                        throw GeminiErrors.UnsupportedParam(provider, "encoding_format", model);
                    }

                    break;
                case "dimensions":
                    dimensions = value;
                    break;
                case "task_type" or "taskType":
                    taskType = value;
                    break;
                default:
                    if (!call.DropParams)
                    {
                        throw GeminiErrors.UnsupportedParam(provider, key, model);
                    }

                    break;
            }
        }

        var requests = new JsonArray();
        foreach (var input in inputs)
        {
            var item = new JsonObject
            {
                ["model"] = "models/" + model,
                ["content"] = new JsonObject { ["parts"] = new JsonArray { new JsonObject { ["text"] = input } } },
            };
            if (dimensions is not null)
            {
                item["outputDimensionality"] = dimensions.DeepClone();
            }

            if (taskType is not null)
            {
                item["taskType"] = taskType.DeepClone();
            }

            requests.Add(item);
        }

        return new JsonObject { ["requests"] = requests };
    }

    /// <summary>
    /// <c>{"embeddings":[{"values":[...]}]}</c> as OpenAI's list. batchEmbedContents reports no token counts, so usage is 0
    /// (LiteLLM estimates it locally; we do not tokenize on the hot path).
    /// </summary>
    public static JsonObject TranslateResponse(JsonNode body, string model, string provider)
    {
        if (body["error"] is JsonObject error)
        {
            throw GeminiErrors.FromErrorNode(error, provider);
        }

        var data = new JsonArray();
        if (body["embeddings"] is JsonArray embeddings)
        {
            for (var i = 0; i < embeddings.Count; i++)
            {
                data.Add(new JsonObject
                {
                    ["object"] = "embedding",
                    ["index"] = i,
                    ["embedding"] = embeddings[i]?["values"]?.DeepClone() ?? new JsonArray(),
                });
            }
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = 0, ["total_tokens"] = 0 },
        };
    }
}
