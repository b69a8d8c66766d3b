using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Gemini;

namespace LiteAspire.Proxy.Providers.VertexAI;

/// <summary>OpenAI embeddings as Vertex AI's text-embedding <c>:predict</c> (<c>instances[].content</c>) and back.</summary>
public static class VertexAIEmbeddings
{
    /// <summary>The <c>{"instances":[{"content","task_type"}],"parameters":{"outputDimensionality"}}</c> body.</summary>
    public static JsonObject TranslateRequest(EmbeddingCall call, string model, string provider)
    {
        var input = GoogleEmbeddingInput.Read(call, model, provider);
        var instances = new JsonArray();
        foreach (var text in input.Texts)
        {
            var instance = new JsonObject { ["content"] = text };
            if (input.TaskType is not null)
            {
                instance["task_type"] = input.TaskType.DeepClone();
            }

            instances.Add(instance);
        }

        var body = new JsonObject { ["instances"] = instances };
        if (input.Dimensions is not null)
        {
            body["parameters"] = new JsonObject { ["outputDimensionality"] = input.Dimensions.DeepClone() };
        }

        return body;
    }

    /// <summary><c>{"predictions":[{"embeddings":{"values","statistics":{"token_count"}}}]}</c> as OpenAI's list, usage from the token counts.</summary>
    public static JsonObject TranslateResponse(JsonNode body, string model, string provider)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body["error"] is JsonObject error)
        {
            throw GeminiErrors.FromErrorNode(error, provider);
        }

        var data = new JsonArray();
        long tokens = 0;
        if (body["predictions"] is JsonArray predictions)
        {
            for (var i = 0; i < predictions.Count; i++)
            {
                var embeddings = predictions[i]?["embeddings"];
                data.Add(GoogleEmbeddingInput.Embedding(i, embeddings?["values"]));
                var count = embeddings?["statistics"]?["token_count"];
                if (count?.GetValueKind() == JsonValueKind.Number)
                {
                    tokens += (long)count.GetValue<double>();
                }
            }
        }

        return GoogleEmbeddingInput.OpenAIList(data, model, tokens);
    }
}
