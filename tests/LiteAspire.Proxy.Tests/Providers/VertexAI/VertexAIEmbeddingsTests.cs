using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.VertexAI;
using static LiteAspire.Proxy.Tests.Providers.Gemini.GoogleTestData;

namespace LiteAspire.Proxy.Tests.Providers.VertexAI;

public class VertexAIEmbeddingsTests
{
    private static EmbeddingCall EmbeddingCall(string request, string? apiBase = null) => new()
    {
        Deployment = Deployment("vertex_ai", "text-embedding-005", apiBase, null, new()
        {
            ["vertex_project"] = "my-project",
            ["vertex_location"] = "us-central1",
            ["extra_headers"] = new Dictionary<string, object?> { ["Authorization"] = "Bearer gateway-token" },
        }),
        Request = JsonNode.Parse(request)!.AsObject(),
    };

    [Fact]
    public async Task CreateEmbeddingRequestAsync_Texts_PostsPredictInstances()
    {
        var call = EmbeddingCall("""{"model":"text-embedding-005","input":["What is life?","How do I bake a cake?"],"dimensions":256,"task_type":"RETRIEVAL_DOCUMENT"}""",
            "http://127.0.0.1:1");

        using var request = await new VertexAIChatAdapter().CreateEmbeddingRequestAsync(call, default);

        Assert.Equal("http://127.0.0.1:1/v1/projects/my-project/locations/us-central1/publishers/google/models/text-embedding-005:predict", request.RequestUri!.ToString());
        AssertJsonEqual(JsonNode.Parse("""
            {"instances":[{"content":"What is life?","task_type":"RETRIEVAL_DOCUMENT"},{"content":"How do I bake a cake?","task_type":"RETRIEVAL_DOCUMENT"}],
             "parameters":{"outputDimensionality":256}}
            """)!, JsonNode.Parse(await request.Content!.ReadAsStringAsync()));
    }

    [Fact]
    public void ReadEmbeddingResponse_DocumentedPredictions_BecomeOpenAIListWithTokenUsage()
    {
        var call = EmbeddingCall("""{"model":"text-embedding-005","input":["What is life?","How do I bake a cake?"]}""");

        var list = new VertexAIChatAdapter().ReadEmbeddingResponse(FixtureJson("predict-embeddings.response.json", "VertexAI"), call);

        Assert.Equal("list", list["object"]!.GetValue<string>());
        Assert.Equal(2, list["data"]!.AsArray().Count);
        Assert.Equal(1, list["data"]![1]!["index"]!.GetValue<int>());
        Assert.Equal(-0.0293416026979685, list["data"]![1]!["embedding"]![0]!.GetValue<double>());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":14,"total_tokens":14}""")!, list["usage"]);
    }
}
