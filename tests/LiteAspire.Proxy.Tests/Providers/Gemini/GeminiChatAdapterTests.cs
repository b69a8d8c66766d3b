using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Gemini;
using static LiteAspire.Proxy.Tests.Providers.Gemini.GoogleTestData;

namespace LiteAspire.Proxy.Tests.Providers.Gemini;

public class GeminiChatAdapterTests
{
    private readonly GeminiChatAdapter _adapter = new();

    [Fact]
    public async Task CreateRequestAsync_NonStreaming_PostsGenerateContentWithKeyHeader()
    {
        var call = Call(FixtureJson("generate-content.openai-request.json"));

        using var request = await _adapter.CreateRequestAsync(call, default);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent", request.RequestUri!.ToString());
        Assert.Equal("test-key", request.Headers.GetValues("x-goog-api-key").Single());
        Assert.DoesNotContain("key=", request.RequestUri.Query, StringComparison.Ordinal);
        AssertJsonEqual(FixtureJson("generate-content.gemini-request.json"), JsonNode.Parse(await request.Content!.ReadAsStringAsync()));
    }

    [Fact]
    public async Task CreateRequestAsync_Streaming_UsesStreamGenerateContentWithAltSse()
    {
        var call = Call("""{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"hi"}],"stream":true,"stream_options":{"include_usage":true}}""");

        using var request = await _adapter.CreateRequestAsync(call, default);

        Assert.Equal("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", request.RequestUri!.ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000", "http://127.0.0.1:9000/v1beta/models/gemini-2.5-flash:generateContent")]
    [InlineData("http://127.0.0.1:9000/v1alpha/", "http://127.0.0.1:9000/v1alpha/models/gemini-2.5-flash:generateContent")]
    public async Task CreateRequestAsync_ApiBase_ReplacesHost(string apiBase, string expected)
    {
        var call = Call(JsonNode.Parse("""{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"hi"}]}""")!.AsObject(), Deployment(apiBase: apiBase));

        using var request = await _adapter.CreateRequestAsync(call, default);

        Assert.Equal(expected, request.RequestUri!.ToString());
    }

    [Fact]
    public async Task CreateRequestAsync_ExtraHeaders_AreSent()
    {
        var deployment = Deployment(parameters: new() { ["extra_headers"] = new Dictionary<string, object?> { ["x-goog-user-project"] = "billing-project" } });
        var call = Call(JsonNode.Parse("""{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"hi"}]}""")!.AsObject(), deployment);

        using var request = await _adapter.CreateRequestAsync(call, default);

        Assert.Equal("billing-project", request.Headers.GetValues("x-goog-user-project").Single());
    }

    [Fact]
    public async Task CreateEmbeddingRequestAsync_DocumentedBatch_PostsBatchEmbedContents()
    {
        var call = new EmbeddingCall { Deployment = Deployment(model: "gemini-embedding-001"), Request = FixtureJson("batch-embed.openai-request.json") };

        using var request = await _adapter.CreateEmbeddingRequestAsync(call, default);

        Assert.Equal("https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents", request.RequestUri!.ToString());
        Assert.Equal("test-key", request.Headers.GetValues("x-goog-api-key").Single());
        AssertJsonEqual(FixtureJson("batch-embed.gemini-request.json"), JsonNode.Parse(await request.Content!.ReadAsStringAsync()));
    }

    [Fact]
    public void ReadEmbeddingResponse_DocumentedBatch_BecomesOpenAIList()
    {
        var call = new EmbeddingCall { Deployment = Deployment(model: "gemini-embedding-001"), Request = FixtureJson("batch-embed.openai-request.json") };

        var list = _adapter.ReadEmbeddingResponse(FixtureJson("batch-embed.response.json"), call);

        Assert.Equal("list", list["object"]!.GetValue<string>());
        Assert.Equal("gemini-embedding-001", list["model"]!.GetValue<string>());
        var data = list["data"]!.AsArray();
        Assert.Equal(3, data.Count);
        Assert.Equal("embedding", data[2]!["object"]!.GetValue<string>());
        Assert.Equal(2, data[2]!["index"]!.GetValue<int>());
        AssertJsonEqual(JsonNode.Parse("[0.015209218, -0.03451021, -0.00427515, -0.0289412]")!, data[2]!["embedding"]);
    }

    [Fact]
    public async Task CreateEmbeddingRequestAsync_TokenArrayInput_ThrowsBadRequest()
    {
        var call = new EmbeddingCall { Deployment = Deployment(model: "gemini-embedding-001"), Request = JsonNode.Parse("""{"model":"gemini-embedding-001","input":[[1,2,3]]}""")!.AsObject() };

        var error = await Assert.ThrowsAsync<ProviderException>(async () => await _adapter.CreateEmbeddingRequestAsync(call, default));

        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void ReadResponse_DocumentedResponse_UsesSharedTranslation()
    {
        var completion = _adapter.ReadResponse(FixtureJson("generate-content.response.json"), Call(FixtureJson("generate-content.openai-request.json")));

        Assert.Equal("AI learns patterns from data to make predictions or decisions.", completion["choices"]![0]!["message"]!["content"]!.GetValue<string>());
    }
}
