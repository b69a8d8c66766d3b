using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Ollama;

/// <summary>OpenAI embeddings ↔ Ollama <c>/api/embed</c> (<c>input</c> string or list → <c>embeddings</c>).</summary>
public static class OllamaEmbeddings
{
    /// <summary>The embed path.</summary>
    public const string Path = "/api/embed";

    /// <summary><c>{model, input, dimensions?}</c>.</summary>
    public static JsonObject Build(JsonObject request, string model)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject { ["model"] = model, ["input"] = BedrockEmbeddings.Inputs(request["input"]) };
        if (request["dimensions"] is { } dimensions && dimensions.GetValueKind() == JsonValueKind.Number)
        {
            body["dimensions"] = dimensions.DeepClone();
        }

        return body;
    }

    /// <summary><c>{embeddings:[[...]], prompt_eval_count}</c> as OpenAI's list.</summary>
    public static JsonObject ToOpenAI(JsonNode body, string model)
    {
        ArgumentNullException.ThrowIfNull(body);
        var data = new JsonArray();
        if (body["embeddings"] is JsonArray vectors)
        {
            for (var i = 0; i < vectors.Count; i++)
            {
                data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = vectors[i]?.DeepClone() });
            }
        }

        var tokens = JsonRead.LongOrZero(body["prompt_eval_count"]);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
    }
}
