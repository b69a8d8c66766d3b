using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>An OpenAI embeddings request read for Google's embedding APIs (AI Studio and Vertex AI): texts, dimensions, task type.</summary>
/// <param name="Texts">The input texts, in order.</param>
/// <param name="Dimensions"><c>dimensions</c> → <c>outputDimensionality</c>, or null.</param>
/// <param name="TaskType"><c>task_type</c> (RETRIEVAL_QUERY, ...), or null.</param>
public sealed record GoogleEmbeddingInput(IReadOnlyList<string> Texts, JsonNode? Dimensions, JsonNode? TaskType)
{
    /// <summary>Reads <paramref name="call"/>; token-array input, non-float encodings and unknown params are 400s (unless drop_params).</summary>
    public static GoogleEmbeddingInput Read(EmbeddingCall call, string model, string provider)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return ReadChecked(call, model, provider);
        }
        catch (InvalidOperationException e)
        {
            throw GeminiErrors.BadRequest(provider, "invalid request: " + e.Message);
        }
    }

    private static GoogleEmbeddingInput ReadChecked(EmbeddingCall call, string model, string provider)
    {
        var request = call.Request;
        var texts = new List<string>();
        switch (request["input"])
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                texts.Add(value.GetValue<string>());
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item?.GetValueKind() != JsonValueKind.String)
                    {
                        throw GeminiErrors.BadRequest(provider, "Google embeddings take text input only (a string or an array of strings), not token arrays", "input");
                    }

                    texts.Add(item.GetValue<string>());
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
                    // Google answers floats only; the gateway re-encodes them when base64 (the OpenAI SDKs' default) is asked for.
                    if (value?.GetValue<string>() is not (null or "float" or "base64") && !call.DropParams)
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

        return new GoogleEmbeddingInput(texts, dimensions, taskType);
    }

    /// <summary>OpenAI's embeddings list for vectors in input order.</summary>
    public static JsonObject OpenAIList(JsonArray data, string model, long promptTokens) => new()
    {
        ["object"] = "list",
        ["data"] = data,
        ["model"] = model,
        ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["total_tokens"] = promptTokens },
    };

    /// <summary>One <c>{"object":"embedding","index","embedding"}</c> entry.</summary>
    public static JsonObject Embedding(int index, JsonNode? values) => new()
    {
        ["object"] = "embedding",
        ["index"] = index,
        ["embedding"] = values?.DeepClone() ?? new JsonArray(),
    };
}
