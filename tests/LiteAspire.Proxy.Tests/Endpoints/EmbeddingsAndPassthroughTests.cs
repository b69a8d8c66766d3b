using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Tests.Endpoints;

[Collection(SharedGateway.Name)]
public sealed class EmbeddingsAndPassthroughTests
{
    private readonly GatewayFixture _gateway;
    private readonly HttpClient _client;

    public EmbeddingsAndPassthroughTests(GatewayFixture gateway)
    {
        _gateway = gateway;
        _client = gateway.Client;
        gateway.Upstream.Reset();
    }

    [Theory]
    [InlineData("/v1/embeddings")]
    [InlineData("/embeddings")]
    public async Task Embeddings_OpenAI_ReturnsListAndHeaders(string path)
    {
        var response = await _client.PostJsonAsync(path, new JsonObject { ["model"] = "text-embedding-3-small", ["input"] = new JsonArray("a", "b") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("list", body["object"]!.GetValue<string>());
        Assert.Equal(2, body["data"]!.AsArray().Count);
        Assert.Equal("text-embedding-3-small", response.Header("x-litellm-model-group"));
        Assert.Equal("/v1/embeddings", _gateway.Upstream.LastRequest.Path);
    }

    [Fact]
    public async Task Embeddings_Azure_UsesDeploymentEmbeddingsUrl()
    {
        var response = await _client.PostJsonAsync("/v1/embeddings", new JsonObject { ["model"] = "azure-gpt", ["input"] = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/openai/deployments/my-gpt4o-deployment/embeddings", _gateway.Upstream.LastRequest.Path);
        Assert.Equal("azure-secret-key", _gateway.Upstream.LastRequest.Header("api-key"));
    }

    [Theory]
    [InlineData("/v1/images/generations", "/v1/images/generations")]
    [InlineData("/v1/moderations", "/v1/moderations")]
    [InlineData("/v1/responses", "/v1/responses")]
    [InlineData("/v1/completions", "/v1/completions")]
    [InlineData("/completions", "/v1/completions")]
    public async Task JsonPassthrough_SwapsModelAndForwards(string path, string upstreamPath)
    {
        var response = await _client.PostJsonAsync(path, new JsonObject { ["model"] = "my-alias", ["prompt"] = "a cat", ["metadata"] = new JsonObject() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(upstreamPath, body["path"]!.GetValue<string>());
        Assert.Equal("gpt-4o", body["received"]!["model"]!.GetValue<string>());
        Assert.False(body["received"]!.AsObject().ContainsKey("metadata"));
        Assert.Equal("Bearer sk-upstream-openai", _gateway.Upstream.LastRequest.Header("authorization"));
        Assert.Equal("gpt-4o", response.Header("x-litellm-model-group"));
    }

    [Fact]
    public async Task AudioSpeech_PassesBinaryThrough()
    {
        var response = await _client.PostJsonAsync("/v1/audio/speech", new JsonObject { ["model"] = "gpt-4o", ["input"] = "hi", ["voice"] = "alloy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x49, 0x44, 0x33, 0x04, 0x00 }, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AudioTranscriptions_ForwardsMultipartWithUpstreamModel()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("azure-gpt"), "model");
        form.Add(new StringContent("en"), "language");
        var file = new ByteArrayContent([1, 2, 3, 4]);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "clip.wav");

        var response = await _client.PostAsync(new Uri("/v1/audio/transcriptions", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello from audio", (await response.ReadObjectAsync())["text"]!.GetValue<string>());
        var upstream = _gateway.Upstream.LastRequest;
        Assert.Equal("/openai/deployments/my-gpt4o-deployment/audio/transcriptions", upstream.Path);
        Assert.StartsWith("multipart/form-data", upstream.ContentType, StringComparison.Ordinal);
        Assert.Contains("my-gpt4o-deployment", upstream.Body, StringComparison.Ordinal);
        Assert.Contains("clip.wav", upstream.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/rerank")]
    [InlineData("/rerank")]
    [InlineData("/v2/rerank")]
    public async Task Rerank_Cohere_ForwardsCohereShape(string path)
    {
        var response = await _client.PostJsonAsync(path, new JsonObject
        {
            ["model"] = "rerank-english",
            ["query"] = "capital of France?",
            ["documents"] = new JsonArray("Berlin", "Paris"),
            ["top_n"] = 2,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadObjectAsync())["results"]![0]!["index"]!.GetValue<int>());
        var upstream = _gateway.Upstream.LastRequest;
        Assert.Equal("/v1/rerank", upstream.Path);
        Assert.Equal("Bearer cohere-key", upstream.Header("authorization"));
        Assert.Equal("rerank-english-v3.0", upstream.Json["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Passthrough_UpstreamError_IsMappedToOpenAIShape()
    {
        var response = await _client.PostJsonAsync("/v1/images/generations", new JsonObject { ["model"] = "status/429", ["prompt"] = "x" });

        var error = await response.AssertOpenAIErrorAsync(429);
        Assert.StartsWith("litellm.RateLimitError: OpenAIException", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
