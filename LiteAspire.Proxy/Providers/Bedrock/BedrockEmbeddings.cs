using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>Embeddings on Bedrock's <c>/invoke</c>: Amazon Titan (<c>{"inputText"}</c>, one input per call) and Cohere (<c>{"texts"}</c>).</summary>
public static class BedrockEmbeddings
{
    private const string Provider = "bedrock";

    /// <summary>The invoke body for <paramref name="modelId"/> from an OpenAI embeddings body.</summary>
    public static JsonObject Build(string modelId, JsonObject request, bool dropParams)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(request);
        var inputs = Inputs(request["input"]);
        if (modelId.Contains("cohere.", StringComparison.Ordinal))
        {
            return new JsonObject
            {
                ["texts"] = inputs,
                ["input_type"] = JsonRead.String(request["input_type"]) ?? "search_document",
            };
        }

        if (inputs.Count != 1)
        {
            throw new ProviderException(LiteLLMErrorKind.BadRequestError, Provider,
                "Amazon Titan embeddings take one input per request; send a single string.", 400, "input");
        }

        var body = new JsonObject { ["inputText"] = inputs[0]!.DeepClone() };
        if (request["dimensions"] is { } dimensions)
        {
            if (modelId.Contains("titan-embed-text-v2", StringComparison.Ordinal))
            {
                body["dimensions"] = dimensions.DeepClone();
            }
            else
            {
                UnsupportedParams.Reject(dropParams, Provider, "dimensions");
            }
        }

        return body;
    }

    /// <summary>A Titan (<c>embedding</c>, <c>inputTextTokenCount</c>) or Cohere (<c>embeddings</c>) body as OpenAI's embedding list.</summary>
    public static JsonObject ToOpenAI(JsonNode body, string model)
    {
        ArgumentNullException.ThrowIfNull(body);
        var data = new JsonArray();
        if (body["embedding"] is JsonArray single)
        {
            data.Add(Item(0, single));
        }
        else if ((body["embeddings"] as JsonArray ?? body["embeddings"]?["float"] as JsonArray) is { } many)
        {
            for (var i = 0; i < many.Count; i++)
            {
                data.Add(Item(i, (JsonArray)many[i]!));
            }
        }

        var tokens = JsonRead.LongOrZero(body["inputTextTokenCount"]);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
    }

    /// <summary>OpenAI <c>input</c> (a string or a list of strings) as a list.</summary>
    public static JsonArray Inputs(JsonNode? input) => input switch
    {
        JsonArray list => (JsonArray)list.DeepClone(),
        null => [],
        _ when input.GetValueKind() == JsonValueKind.String => [input.GetValue<string>()],
        _ => throw new ProviderException(LiteLLMErrorKind.BadRequestError, Provider, "input must be a string or a list of strings.", 400, "input"),
    };

    private static JsonObject Item(int index, JsonArray vector) => new()
    {
        ["object"] = "embedding",
        ["index"] = index,
        ["embedding"] = vector.DeepClone(),
    };
}
