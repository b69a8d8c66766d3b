using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Bedrock;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Cohere;

/// <summary>
/// The proxy's <c>/rerank</c> body is Cohere's own shape, so reranking on Cohere is nearly a pass-through: the v2 body
/// (documents as strings) and <c>return_documents</c>, which v2 dropped, put back from the request.
/// </summary>
public static class CohereRerank
{
    /// <summary>The v2 rerank path.</summary>
    public const string Path = "/v2/rerank";

    /// <summary><c>{model, query, documents, top_n, max_tokens_per_doc}</c> with object documents reduced to their text.</summary>
    public static JsonObject Build(JsonObject request, string model)
    {
        ArgumentNullException.ThrowIfNull(request);
        var documents = new JsonArray();
        if (request["documents"] is JsonArray given)
        {
            foreach (var document in given)
            {
                documents.Add(DocumentText(document));
            }
        }

        var body = new JsonObject { ["model"] = model, ["query"] = JsonRead.String(request["query"]) ?? "", ["documents"] = documents };
        foreach (var name in (ReadOnlySpan<string>)["top_n", "max_tokens_per_doc"])
        {
            if (request[name] is { } value && value.GetValueKind() == JsonValueKind.Number)
            {
                body[name] = value.DeepClone();
            }
        }

        return body;
    }

    /// <summary>Cohere's <c>{id, results:[{index, relevance_score}], meta}</c>, with <c>document: {text}</c> added when the request asked for it.</summary>
    public static JsonObject ToProxyShape(JsonNode body, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(request);
        var result = (JsonObject)body.DeepClone();
        if (request["return_documents"]?.GetValueKind() == JsonValueKind.True
            && request["documents"] is JsonArray documents && result["results"] is JsonArray results)
        {
            foreach (var item in results)
            {
                var index = (int)JsonRead.LongOrZero(item?["index"]);
                if (item is JsonObject entry && index >= 0 && index < documents.Count && entry["document"] is null)
                {
                    entry["document"] = new JsonObject { ["text"] = DocumentText(documents[index]) };
                }
            }
        }

        return result;
    }

    private static string DocumentText(JsonNode? document) =>
        JsonRead.String(document) ?? JsonRead.String(document?["text"]) ?? document?.ToJsonString() ?? "";
}
