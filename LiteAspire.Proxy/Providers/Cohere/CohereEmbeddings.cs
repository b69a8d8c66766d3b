using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Cohere;

/// <summary>OpenAI embeddings ↔ Cohere v2 <c>/v2/embed</c> (<c>texts</c>, <c>input_type</c>, <c>embedding_types</c>).</summary>
public static class CohereEmbeddings
{
    /// <summary>The input type Cohere requires, when neither the request nor the deployment names one.</summary>
    public const string DefaultInputType = "search_document";

    /// <summary>The v2 embed body: float vectors, or base64 when <c>encoding_format: "base64"</c>.</summary>
    public static JsonObject Build(JsonObject request, ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        var body = new JsonObject
        {
            ["model"] = JsonRead.String(request["model"]) ?? deployment.UpstreamModel,
            ["texts"] = BedrockEmbeddings.Inputs(request["input"]),
            ["input_type"] = JsonRead.String(request["input_type"]) ?? deployment.GetString("input_type") ?? DefaultInputType,
            ["embedding_types"] = new JsonArray(IsBase64(request) ? "base64" : "float"),
        };
        if (request["dimensions"] is { } dimensions && dimensions.GetValueKind() == JsonValueKind.Number)
        {
            body["output_dimension"] = dimensions.DeepClone();
        }

        return body;
    }

    /// <summary>A v2 embed body (<c>embeddings.float</c> or <c>embeddings.base64</c>, <c>meta.billed_units</c>) as OpenAI's list.</summary>
    public static JsonObject ToOpenAI(JsonNode body, JsonObject request, string model)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(request);
        var embeddings = body["embeddings"];
        var vectors = (IsBase64(request) ? embeddings?["base64"] : null) as JsonArray
            ?? embeddings?["float"] as JsonArray
            ?? embeddings as JsonArray // v1 shape: a bare list
            ?? [];
        var data = new JsonArray();
        for (var i = 0; i < vectors.Count; i++)
        {
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = vectors[i]?.DeepClone() });
        }

        var tokens = JsonRead.LongOrZero(body["meta"]?["billed_units"]?["input_tokens"]);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
    }

    private static bool IsBase64(JsonObject request) => JsonRead.String(request["encoding_format"]) == "base64";
}
