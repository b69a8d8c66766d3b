using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Bedrock;
using static LiteAspire.Proxy.Tests.Providers.Bedrock.ProviderTestKit;

namespace LiteAspire.Proxy.Tests.Providers.Bedrock;

public class BedrockEmbeddingsTests
{
    private static EmbeddingCall Call(string model, JsonObject request) => new()
    {
        Deployment = Deployment("bedrock", model, apiKey: "k", parameters: new() { ["aws_region_name"] = "us-east-1" }),
        Request = request,
    };

    [Fact]
    public async Task CreateEmbeddingRequest_TitanV2_InvokesWithInputTextAndDimensions()
    {
        var call = Call("amazon.titan-embed-text-v2:0", new JsonObject { ["model"] = "amazon.titan-embed-text-v2:0", ["input"] = "Hello world", ["dimensions"] = 256 });

        var request = await new BedrockConverseAdapter().CreateEmbeddingRequestAsync(call, CancellationToken.None);

        Assert.Equal("https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2%3A0/invoke", request.RequestUri!.AbsoluteUri);
        AssertJsonEqual(JsonNode.Parse("""{"inputText":"Hello world","dimensions":256}""")!, await Body(request));
    }

    [Fact]
    public async Task CreateEmbeddingRequest_TitanWithSeveralInputs_BadRequest()
    {
        var call = Call("amazon.titan-embed-text-v2:0", new JsonObject { ["input"] = new JsonArray("a", "b") });

        var error = await Assert.ThrowsAsync<ProviderException>(() => new BedrockConverseAdapter().CreateEmbeddingRequestAsync(call, CancellationToken.None).AsTask());

        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void ReadEmbeddingResponse_TitanBody_BecomesOpenAIList()
    {
        var call = Call("amazon.titan-embed-text-v2:0", new JsonObject { ["model"] = "amazon.titan-embed-text-v2:0", ["input"] = "Hello world" });

        var result = new BedrockConverseAdapter().ReadEmbeddingResponse(JsonNode.Parse("""{"embedding":[0.1,-0.2,0.3],"inputTextTokenCount":3}""")!, call);

        AssertJsonEqual(JsonNode.Parse("""
            {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,-0.2,0.3]}],"model":"amazon.titan-embed-text-v2:0",
             "usage":{"prompt_tokens":3,"total_tokens":3}}
            """)!, result);
    }

    [Fact]
    public async Task CreateEmbeddingRequest_CohereOnBedrock_SendsTextsAndInputType()
    {
        var call = Call("cohere.embed-english-v3", new JsonObject { ["input"] = new JsonArray("a", "b") });

        var request = await new BedrockConverseAdapter().CreateEmbeddingRequestAsync(call, CancellationToken.None);

        AssertJsonEqual(JsonNode.Parse("""{"texts":["a","b"],"input_type":"search_document"}""")!, await Body(request));
    }
}
