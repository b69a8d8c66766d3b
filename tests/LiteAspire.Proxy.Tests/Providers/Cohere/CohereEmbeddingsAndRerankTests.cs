using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Cohere;
using static LiteAspire.Proxy.Tests.Providers.Bedrock.ProviderTestKit;

namespace LiteAspire.Proxy.Tests.Providers.Cohere;

public class CohereEmbeddingsAndRerankTests
{
    private static EmbeddingCall Call(JsonObject request, Dictionary<string, object?>? parameters = null) => new()
    {
        Deployment = Deployment("cohere", "embed-v4.0", apiKey: "co-test-key", parameters: parameters),
        Request = request,
    };

    [Fact]
    public async Task CreateEmbeddingRequest_OpenAIBody_BecomesV2EmbedWithDefaultInputType()
    {
        var call = Call(new JsonObject { ["model"] = "embed-v4.0", ["input"] = new JsonArray("hello", "goodbye"), ["dimensions"] = 256 });

        var request = await new CohereChatAdapter().CreateEmbeddingRequestAsync(call, CancellationToken.None);

        Assert.Equal("https://api.cohere.com/v2/embed", request.RequestUri!.AbsoluteUri);
        AssertJsonEqual(
            JsonNode.Parse("""{"model":"embed-v4.0","texts":["hello","goodbye"],"input_type":"search_document","embedding_types":["float"],"output_dimension":256}""")!,
            await Body(request));
    }

    [Fact]
    public async Task CreateEmbeddingRequest_InputTypeParamAndBase64_Respected()
    {
        var call = Call(new JsonObject { ["model"] = "embed-v4.0", ["input"] = "hello", ["encoding_format"] = "base64" }, new() { ["input_type"] = "search_query" });

        var body = await Body(await new CohereChatAdapter().CreateEmbeddingRequestAsync(call, CancellationToken.None));

        Assert.Equal("search_query", body["input_type"]!.GetValue<string>());
        AssertJsonEqual(new JsonArray("base64"), body["embedding_types"]);
    }

    [Fact]
    public void ReadEmbeddingResponse_DocumentedEmbedResponse_BecomesOpenAIList()
    {
        var call = Call(new JsonObject { ["model"] = "embed-v4.0", ["input"] = new JsonArray("hello", "goodbye") });

        var result = new CohereChatAdapter().ReadEmbeddingResponse(Fixture("Cohere", "embed-response.json"), call);

        AssertJsonEqual(JsonNode.Parse("""
            {"object":"list","data":[
              {"object":"embedding","index":0,"embedding":[0.016296387,-0.008354187,-0.04699707]},
              {"object":"embedding","index":1,"embedding":[-0.01373291,0.032806396,0.0011367798]}],
             "model":"embed-v4.0","usage":{"prompt_tokens":2,"total_tokens":2}}
            """)!, result);
    }

    [Fact]
    public void RerankBuild_ObjectDocuments_SendsTheirText()
    {
        var request = (JsonObject)JsonNode.Parse("""
            {"model":"rerank-v3.5","query":"What is the capital of the United States?","top_n":2,"return_documents":true,
             "documents":["Carson City is the capital city of the American state of Nevada.",{"text":"Washington, D.C. is the capital of the United States."}]}
            """)!;

        var body = CohereRerank.Build(request, "rerank-v3.5");

        AssertJsonEqual(JsonNode.Parse("""
            {"model":"rerank-v3.5","query":"What is the capital of the United States?","top_n":2,
             "documents":["Carson City is the capital city of the American state of Nevada.","Washington, D.C. is the capital of the United States."]}
            """)!, body);
    }

    [Fact]
    public void RerankToProxyShape_ReturnDocuments_AddsDocumentText()
    {
        var request = new JsonObject
        {
            ["query"] = "q",
            ["return_documents"] = true,
            ["documents"] = new JsonArray("d0", "d1", "d2", "d3", "d4"),
        };

        var result = CohereRerank.ToProxyShape(Fixture("Cohere", "rerank-response.json"), request);

        Assert.Equal("d3", result["results"]![0]!["document"]!["text"]!.GetValue<string>());
        Assert.Equal(0.7516481, result["results"]![1]!["relevance_score"]!.GetValue<double>());
        Assert.Equal("07734bd2-2473-4f07-94e1-0d9f0e6843cf", result["id"]!.GetValue<string>());
    }
}
