using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.AnthropicApi;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Shared;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using static LiteAspire.Proxy.Tests.AnthropicApi.AnthropicApiTestData;
using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.AnthropicApi;

public sealed class AnthropicMessagesEndpointTests : IAsyncDisposable
{
    private readonly FakeOpenAIChatExecutor _executor = new();
    private WebApplication? _app;

    private async Task<HttpClient> ClientAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IOpenAIChatExecutor>(_executor);
        _app = builder.Build();
        _app.MapAnthropicMessagesEndpoint();
        await _app.StartAsync();
        return _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static HttpRequestMessage Post(string body, string path = "/v1/messages")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("anthropic-version", "2023-06-01");
        return request;
    }

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Post_DocsBasicRequest_AnthropicMessageFromTheExecutorsCompletion()
    {
        _executor.Completion = Api("openai-chat-completion.json");
        var client = await ClientAsync();

        using var response = await client.SendAsync(Post(Text("AnthropicApi/Fixtures/anthropic-basic-request.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var message = await JsonOf(response);
        Assert.Equal("message", message["type"]!.GetValue<string>());
        Assert.Equal("Hello! How can I assist you today?", message["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("end_turn", message["stop_reason"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"model":"claude-sonnet-4-5","max_tokens":1024,"messages":[{"role":"user","content":"Hello, world"}]}"""),
            _executor.LastRequest);
    }

    [Fact]
    public async Task Post_WithoutV1Prefix_AlsoServed()
    {
        _executor.Completion = Api("openai-chat-completion.json");
        var client = await ClientAsync();

        using var response = await client.SendAsync(Post(Text("AnthropicApi/Fixtures/anthropic-basic-request.json"), "/messages"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_XApiKey_PresentedToThePipelineAsBearer()
    {
        _executor.Completion = Api("openai-chat-completion.json");
        var client = await ClientAsync();
        using var request = Post(Text("AnthropicApi/Fixtures/anthropic-basic-request.json"));
        request.Headers.Add("x-api-key", "sk-litellm-1234");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer sk-litellm-1234", _executor.LastAuthorization);
    }

    [Fact]
    public async Task Post_BearerAndUnknownAnthropicVersion_Accepted()
    {
        _executor.Completion = Api("openai-chat-completion.json");
        var client = await ClientAsync();
        using var request = Post(Text("AnthropicApi/Fixtures/anthropic-basic-request.json"));
        request.Headers.Remove("anthropic-version");
        request.Headers.Add("anthropic-version", "2026-10-21");
        request.Headers.Add("Authorization", "Bearer sk-litellm-5678");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer sk-litellm-5678", _executor.LastAuthorization);
        Assert.Equal("2026-10-21", _executor.LastAnthropicVersion);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""")]
    public async Task Post_BadBody_400InvalidRequestErrorInAnthropicShape(string body)
    {
        var client = await ClientAsync();

        using var response = await client.SendAsync(Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await JsonOf(response);
        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal("invalid_request_error", error["error"]!["type"]!.GetValue<string>());
        Assert.Null(_executor.LastRequest);
    }

    [Fact]
    public async Task Post_InvalidUtf8_400NotA500()
    {
        var client = await ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
        {
            Content = new ByteArrayContent([.. "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\""u8, 0xC3, 0x28, .. "\"}]}"u8]),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(401, "authentication_error")]
    [InlineData(429, "rate_limit_error")]
    [InlineData(404, "not_found_error")]
    public async Task Post_PipelineRefuses_StatusAndAnthropicErrorType(int status, string type)
    {
        _executor.FailBeforeFirstChunk = new OpenAIChatExecutionException(status, "refused");
        var client = await ClientAsync();

        using var response = await client.SendAsync(Post(Text("AnthropicApi/Fixtures/anthropic-basic-request.json")));

        Assert.Equal(status, (int)response.StatusCode);
        AssertJsonEqual(new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = type, ["message"] = "refused" } },
            await JsonOf(response));
    }

    [Fact]
    public async Task Post_UpstreamOverloaded_500ApiErrorWithLiteLLMMessage()
    {
        _executor.FailBeforeFirstChunk = new ProviderException(LiteLLMErrorKind.InternalServerError, "anthropic", "Overloaded", 529);
        var client = await ClientAsync();

        using var response = await client.SendAsync(Post(Text("AnthropicApi/Fixtures/anthropic-basic-request.json")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = await JsonOf(response);
        Assert.Equal("api_error", error["error"]!["type"]!.GetValue<string>());
        Assert.Equal("litellm.InternalServerError: AnthropicException - Overloaded", error["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_Stream_AnthropicSseEventsWithUsageRequested()
    {
        _executor.Chunks = Chunks("openai-stream-text.txt");
        var client = await ClientAsync();

        using var response = await client.SendAsync(Post("""
            {"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true,"messages":[{"role":"user","content":"Hello"}]}
            """), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = ParseSse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events.Select(e => e.Event));
        Assert.Equal("Hello!", string.Concat(events.Where(e => e.Event == "content_block_delta")
            .Select(e => JsonNode.Parse(e.Data)!["delta"]!["text"]!.GetValue<string>())));
        Assert.True(_executor.LastRequest!["stream_options"]!["include_usage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Post_StreamFailsBeforeFirstChunk_RealHttpStatus()
    {
        _executor.FailBeforeFirstChunk = new OpenAIChatExecutionException(429, "slow down");
        var client = await ClientAsync();

        using var response = await client.SendAsync(Post("""{"model":"m","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("rate_limit_error", (await JsonOf(response))["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_StreamFailsMidway_ErrorEventAfterTheDeltasSent()
    {
        _executor.Chunks = Chunks("openai-stream-text.txt");
        _executor.FailMidStream = (2, new ProviderException(LiteLLMErrorKind.InternalServerError, "anthropic", "Overloaded", 529));
        var client = await ClientAsync();

        using var response = await client.SendAsync(Post("""{"model":"m","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = ParseSse(await response.Content.ReadAsStringAsync());
        Assert.Equal("content_block_delta", events[^2].Event);
        Assert.Equal("error", events[^1].Event);
        var error = JsonNode.Parse(events[^1].Data)!;
        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal("api_error", error["error"]!["type"]!.GetValue<string>());
    }

    private static List<SseEvent> ParseSse(string text)
    {
        var events = new List<SseEvent>();
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            var data = "";
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line["data: ".Length..];
                }
            }

            events.Add(new SseEvent(name, data));
        }

        return events;
    }
}
