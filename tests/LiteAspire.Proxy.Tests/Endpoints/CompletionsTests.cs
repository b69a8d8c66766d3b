using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.OpenAI;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Endpoints;

[Collection(SharedGateway.Name)]
public sealed class CompletionsTests
{
    private readonly GatewayFixture _gateway;
    private readonly HttpClient _client;

    public CompletionsTests(GatewayFixture gateway)
    {
        _gateway = gateway;
        _client = gateway.Client;
        gateway.Upstream.Reset();
        // A provider with a chat adapter only (as Anthropic's will be): completions must go through chat.
        var row = new OpenAICompatibleProvider("petals", gateway.Upstream.BaseUri + "v1") { RequiresApiKey = false };
        gateway.Factory.Services.GetRequiredService<ProviderRegistry>().RegisterChat("petals", new OpenAIChatAdapter(new OpenAICompatibleUpstream(row)));
    }

    [Theory]
    [InlineData("/v1/completions")]
    [InlineData("/completions")]
    [InlineData("/engines/gpt-4o/completions")]
    public async Task Completions_OpenAIDeployment_IsForwardedAsIs(string path)
    {
        var response = await _client.PostJsonAsync(path, new JsonObject { ["model"] = "gpt-4o", ["prompt"] = "Say hi", ["echo"] = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("/v1/completions", body["path"]!.GetValue<string>());
        Assert.True(body["received"]!["echo"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Completions_ChatOnlyProvider_IsBridgedThroughChat()
    {
        var response = await _client.PostJsonAsync("/v1/completions", new JsonObject { ["model"] = "chat-only", ["prompt"] = "Say hi", ["max_tokens"] = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("text_completion", body["object"]!.GetValue<string>());
        Assert.Equal("echo: Say hi", body["choices"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("stop", body["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(13, body["usage"]!["total_tokens"]!.GetValue<int>());
        var upstream = _gateway.Upstream.LastRequest;
        Assert.Equal("/v1/chat/completions", upstream.Path);
        Assert.Equal("Say hi", upstream.Json["messages"]![0]!["content"]!.GetValue<string>());
        Assert.Equal(5, upstream.Json["max_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Completions_ChatOnlyProviderStreaming_StreamsTextCompletionChunks()
    {
        var response = await _client.PostJsonAsync("/v1/completions", new JsonObject { ["model"] = "chat-only", ["prompt"] = "Say hi", ["stream"] = true });

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var data = await response.ReadSseDataAsync();
        Assert.Equal("[DONE]", data[^1]);
        var chunks = data[..^1].Select(d => JsonNode.Parse(d)!).ToList();
        Assert.All(chunks, c => Assert.Equal("text_completion", c["object"]!.GetValue<string>()));
        Assert.Equal("Hello world", string.Concat(chunks.Select(c => c["choices"]![0]!["text"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Completions_ChatOnlyProviderWithoutPrompt_Returns400()
    {
        var response = await _client.PostJsonAsync("/v1/completions", new JsonObject { ["model"] = "chat-only" });

        var error = await response.AssertOpenAIErrorAsync(400);
        Assert.Equal("prompt", error["param"]!.GetValue<string>());
    }
}
