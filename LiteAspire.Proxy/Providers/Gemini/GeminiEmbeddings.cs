using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Gemini;

/// <summary>OpenAI embeddings as Gemini <c>batchEmbedContents</c> and back.</summary>
public static class GeminiEmbeddings
{
    /// <summary>The <c>{"requests":[{model, content:{parts:[{text}]}, outputDimensionality}]}</c> body.</summary>
    public static JsonObject TranslateRequest(EmbeddingCall call, string model, string provider)
    {
        var input = GoogleEmbeddingInput.Read(call, model, provider);
        var requests = new JsonArray();
        foreach (var text in input.Texts)
        {
            var item = new JsonObject
            {
                ["model"] = "models/" + model,
                ["content"] = new JsonObject { ["parts"] = new JsonArray { new JsonObject { ["text"] = text } } },
            };
            if (input.Dimensions is not null)
            {
                item["outputDimensionality"] = input.Dimensions.DeepClone();
            }

            if (input.TaskType is not null)
            {
                item["taskType"] = input.TaskType.DeepClone();
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
        ArgumentNullException.ThrowIfNull(body);
        if (body["error"] is JsonObject error)
        {
            throw GeminiErrors.FromErrorNode(error, provider);
        }

        var data = new JsonArray();
        if (body["embeddings"] is JsonArray embeddings)
        {
            for (var i = 0; i < embeddings.Count; i++)
            {
                data.Add(GoogleEmbeddingInput.Embedding(i, embeddings[i]?["values"]));
            }
        }

        return GoogleEmbeddingInput.OpenAIList(data, model, 0);
    }
}
