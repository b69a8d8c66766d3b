using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Anthropic;

using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.Providers.Anthropic;

public class AnthropicChatAdapterTests
{
    private static readonly AnthropicChatAdapter Adapter = new(_ => null);

    private static JsonObject BasicRequest() => Provider("openai-basic-request.json");

    [Fact]
    public async Task CreateRequest_DefaultApiBase_PostsToMessagesWithKeyAndVersion()
    {
        using var request = await Adapter.CreateRequestAsync(Call(BasicRequest()), CancellationToken.None);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.anthropic.com/v1/messages", request.RequestUri!.ToString());
        Assert.Equal("sk-ant-test", Assert.Single(request.Headers.GetValues("x-api-key")));
        Assert.Equal("2023-06-01", Assert.Single(request.Headers.GetValues("anthropic-version")));
        Assert.Null(request.Headers.Authorization);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        AssertJsonEqual(Provider("messages-basic-request.json"), JsonNode.Parse(await request.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000", "http://127.0.0.1:9000/v1/messages")]
    [InlineData("http://127.0.0.1:9000/", "http://127.0.0.1:9000/v1/messages")]
    [InlineData("https://gateway.example/anthropic/v1", "https://gateway.example/anthropic/v1/messages")]
    [InlineData("https://gateway.example/v1/messages", "https://gateway.example/v1/messages")]
    public void MessagesUrl_ApiBase_EndsInV1Messages(string apiBase, string expected)
    {
        Assert.Equal(expected, AnthropicChatAdapter.MessagesUrl(apiBase).ToString());
    }

    [Fact]
    public async Task CreateRequest_AnthropicBetaForwarded_SentUpstream()
    {
        var call = Call(BasicRequest(), forwardedHeaders: new() { ["anthropic-beta"] = "prompt-caching-2024-07-31" });

        using var request = await Adapter.CreateRequestAsync(call, CancellationToken.None);

        Assert.Equal("prompt-caching-2024-07-31", Assert.Single(request.Headers.GetValues("anthropic-beta")));
    }

    [Fact]
    public async Task CreateRequest_NoDeploymentKey_UsesAnthropicApiKeyVariable()
    {
        var adapter = new AnthropicChatAdapter(name => name == "ANTHROPIC_API_KEY" ? "sk-ant-env" : null);

        using var request = await adapter.CreateRequestAsync(Call(BasicRequest(), apiKey: null), CancellationToken.None);

        Assert.Equal("sk-ant-env", Assert.Single(request.Headers.GetValues("x-api-key")));
    }

    [Fact]
    public async Task CreateRequest_OnlyAuthToken_SendsBearer()
    {
        var adapter = new AnthropicChatAdapter(name => name == "ANTHROPIC_AUTH_TOKEN" ? "oauth-token" : null);

        using var request = await adapter.CreateRequestAsync(Call(BasicRequest(), apiKey: null), CancellationToken.None);

        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal("oauth-token", request.Headers.Authorization.Parameter);
        Assert.False(request.Headers.Contains("x-api-key"));
    }

    [Fact]
    public async Task CreateRequest_NoCredentials_Throws401WithoutSecrets()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
            await Adapter.CreateRequestAsync(Call(BasicRequest(), apiKey: null), CancellationToken.None));

        Assert.Equal(LiteLLMErrorKind.AuthenticationError, error.Kind);
        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task CreateRequest_Stream_BodyHasStreamTrue()
    {
        var openAi = BasicRequest();
        openAi["stream"] = true;

        using var request = await Adapter.CreateRequestAsync(Call(openAi), CancellationToken.None);

        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync())!;
        Assert.True(body["stream"]!.GetValue<bool>());
    }

    [Fact]
    public void ReadResponse_DocsBasicResponse_IsChatCompletion()
    {
        var completion = Adapter.ReadResponse(Provider("messages-basic-response.json"), Call(BasicRequest()));

        Assert.Equal("msg_013Zva2CMHLNnXjNJJKqJ2EF", completion["id"]!.GetValue<string>());
        Assert.Equal("chat.completion", completion["object"]!.GetValue<string>());
        Assert.Equal("claude-sonnet-4-5", completion["model"]!.GetValue<string>());
        var choice = completion["choices"]![0]!;
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal("assistant", choice["message"]!["role"]!.GetValue<string>());
        Assert.Equal("Hi! My name is Claude.", choice["message"]!["content"]!.GetValue<string>());
        Assert.Null(choice["message"]!["tool_calls"]);
        var usage = completion["usage"]!;
        Assert.Equal(2095, usage["prompt_tokens"]!.GetValue<long>());
        Assert.Equal(503, usage["completion_tokens"]!.GetValue<long>());
        Assert.Equal(2598, usage["total_tokens"]!.GetValue<long>());
    }

    [Fact]
    public void ReadResponse_DocsToolUseResponse_ToolUseBecomesToolCalls()
    {
        var completion = Adapter.ReadResponse(Provider("tool-use-response.json"), Call(Provider("openai-tool-request.json")));

        var choice = completion["choices"]![0]!;
        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal("I'll check the current weather in San Francisco for you.", choice["message"]!["content"]!.GetValue<string>());
        var call = Assert.Single(choice["message"]!["tool_calls"]!.AsArray())!;
        Assert.Equal("toolu_01A09q90qw90lq917835lq9", call["id"]!.GetValue<string>());
        Assert.Equal("function", call["type"]!.GetValue<string>());
        Assert.Equal("get_weather", call["function"]!["name"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"location":"San Francisco, CA"}"""), JsonNode.Parse(call["function"]!["arguments"]!.GetValue<string>()));
    }

    [Fact]
    public void ReadResponse_DocsThinkingResponse_ReasoningContentAndThinkingBlocks()
    {
        var completion = Adapter.ReadResponse(Provider("thinking-response.json"), Call(BasicRequest()));

        var message = completion["choices"]![0]!["message"]!;
        Assert.Equal("Based on my analysis...", message["content"]!.GetValue<string>());
        Assert.Equal("Let me analyze this step by step...", message["reasoning_content"]!.GetValue<string>());
        var block = Assert.Single(message["thinking_blocks"]!.AsArray())!;
        Assert.StartsWith("WaUjzkyp", block["signature"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResponse_PromptCachingUsage_PromptTokensIncludeCacheReadAndCreation()
    {
        var completion = Adapter.ReadResponse(Provider("prompt-caching-response.json"), Call(BasicRequest()));

        var usage = completion["usage"]!;
        Assert.Equal(21 + 188086, usage["prompt_tokens"]!.GetValue<long>());
        Assert.Equal(393, usage["completion_tokens"]!.GetValue<long>());
        Assert.Equal(188086, usage["cache_creation_input_tokens"]!.GetValue<long>());
        Assert.Equal(0, usage["cache_read_input_tokens"]!.GetValue<long>());
        Assert.Equal(0, usage["prompt_tokens_details"]!["cached_tokens"]!.GetValue<long>());
    }

    [Fact]
    public void ReadResponse_CacheRead_CountedAsCachedPromptTokens()
    {
        var body = JsonNode.Parse("""
            {"id":"msg_1","type":"message","role":"assistant","model":"m","content":[{"type":"text","text":"ok"}],"stop_reason":"max_tokens",
             "usage":{"input_tokens":10,"cache_read_input_tokens":100,"cache_creation_input_tokens":5,"output_tokens":3}}
            """)!;

        var completion = Adapter.ReadResponse(body, Call(BasicRequest()));

        Assert.Equal("length", completion["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(115, completion["usage"]!["prompt_tokens"]!.GetValue<long>());
        Assert.Equal(100, completion["usage"]!["prompt_tokens_details"]!["cached_tokens"]!.GetValue<long>());
    }

    [Fact]
    public void ReadResponse_JsonModeToolCall_InputBecomesContent()
    {
        var request = BasicRequest();
        request["response_format"] = JsonNode.Parse("""{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object"}}}""");
        var body = JsonNode.Parse("""
            {"id":"msg_1","type":"message","role":"assistant","model":"m","stop_reason":"tool_use",
             "content":[{"type":"tool_use","id":"toolu_9","name":"json_tool_call","input":{"name":"Ada"}}],"usage":{"input_tokens":1,"output_tokens":2}}
            """)!;

        var completion = Adapter.ReadResponse(body, Call(request));

        var choice = completion["choices"]![0]!;
        Assert.Equal("""{"name":"Ada"}""", choice["message"]!["content"]!.GetValue<string>());
        Assert.Null(choice["message"]!["tool_calls"]);
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public void ReadError_DocsOverloaded529_InternalServerError500()
    {
        var error = Adapter.ReadError(529, AnthropicFixtures.Text("Providers/Anthropic/Fixtures/error-overloaded.json"), Call(BasicRequest()));

        Assert.Equal(LiteLLMErrorKind.InternalServerError, error.Kind);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("litellm.InternalServerError: AnthropicException - Overloaded", error.Message);
    }

    [Fact]
    public void ReadError_PromptTooLong_ContextWindowExceeded()
    {
        var error = Adapter.ReadError(400, AnthropicFixtures.Text("Providers/Anthropic/Fixtures/error-prompt-too-long.json"), Call(BasicRequest()));

        Assert.Equal(LiteLLMErrorKind.ContextWindowExceededError, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("prompt is too long", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "error-not-found.json", LiteLLMErrorKind.NotFoundError, 404)]
    [InlineData(429, "error-rate-limit.json", LiteLLMErrorKind.RateLimitError, 429)]
    public void ReadError_DocsErrors_MappedByStatus(int status, string fixture, LiteLLMErrorKind kind, int clientStatus)
    {
        var error = Adapter.ReadError(status, AnthropicFixtures.Text("Providers/Anthropic/Fixtures/" + fixture), Call(BasicRequest()));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(clientStatus, error.StatusCode);
    }

    [Fact]
    public void ReadError_NonJsonBody_KeepsBodyAsMessage()
    {
        var error = Adapter.ReadError(502, "<html>Bad Gateway</html>", Call(BasicRequest()));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("Bad Gateway", error.Message, StringComparison.Ordinal);
    }
}
