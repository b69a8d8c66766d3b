using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Tests.Endpoints;

[Collection(SharedGateway.Name)]
public sealed class ChatCompletionsTests
{
    private readonly GatewayFixture _gateway;
    private readonly HttpClient _client;

    public ChatCompletionsTests(GatewayFixture gateway)
    {
        _gateway = gateway;
        _client = gateway.Client;
        gateway.Upstream.Reset();
    }

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/chat/completions")]
    [InlineData("/engines/gpt-4o/chat/completions")]
    [InlineData("/openai/deployments/gpt-4o/chat/completions")]
    public async Task Chat_NonStream_ReturnsUpstreamCompletion(string path)
    {
        var body = GatewayClientExtensions.Chat("gpt-4o", "hello there");
        body["metadata"] = new JsonObject { ["tags"] = new JsonArray("a") };

        var response = await _client.PostJsonAsync(path, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var completion = await response.ReadObjectAsync();
        Assert.Equal("chat.completion", completion["object"]!.GetValue<string>());
        Assert.Equal("echo: hello there", completion["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal(13, completion["usage"]!["total_tokens"]!.GetValue<int>());
        var upstream = _gateway.Upstream.LastRequest;
        Assert.Equal("/v1/chat/completions", upstream.Path);
        Assert.Equal("Bearer sk-upstream-openai", upstream.Header("authorization"));
        Assert.Equal("org-fake", upstream.Header("openai-organization"));
        Assert.Equal("gpt-4o", upstream.Json["model"]!.GetValue<string>());
        Assert.False(upstream.Json.ContainsKey("metadata"));
    }

    [Fact]
    public async Task Chat_NonStream_SetsLiteLLMAndUpstreamHeaders()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Guid.TryParse(response.Header("x-litellm-call-id"), out _));
        Assert.Equal("gpt4o-deployment-1", response.Header("x-litellm-model-id"));
        Assert.Equal("gpt-4o", response.Header("x-litellm-model-group"));
        Assert.Equal(_gateway.Upstream.BaseUri + "v1/chat/completions", response.Header("x-litellm-model-api-base"));
        Assert.Equal("0", response.Header("x-litellm-attempted-retries"));
        Assert.False(string.IsNullOrEmpty(response.Header("x-litellm-version")));
        Assert.True(double.TryParse(response.Header("x-litellm-response-duration-ms"), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.True(double.TryParse(response.Header("x-litellm-overhead-duration-ms"), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("99", response.Header("x-ratelimit-remaining-requests"));
        Assert.Equal("req_fake_1", response.Header("llm_provider-x-request-id"));
        // openai/gpt-4o at the shipped prices (2.50/M in, 10/M out) for the fake's 10 + 3 tokens, as Python prints the float.
        Assert.Equal("5.5e-05", response.Header("x-litellm-response-cost"));
        Assert.Equal("?ignored=1", _gateway.Upstream.LastRequest.Query);
    }

    [Fact]
    public async Task Chat_Stream_WritesSseChunksThenDoneWithoutUsage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(GatewayClientExtensions.Chat("gpt-4o", stream: true).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("gpt-4o", response.Header("x-litellm-model-group"));
        var data = await response.ReadSseDataAsync();
        Assert.Equal("[DONE]", data[^1]);
        var chunks = data[..^1].Select(d => JsonNode.Parse(d)!.AsObject()).ToList();
        Assert.Equal(4, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c["object"]!.GetValue<string>()));
        Assert.All(chunks, c => Assert.False(c.ContainsKey("usage")));
        var text = string.Concat(chunks.Select(c => c["choices"]![0]!["delta"]!["content"]?.GetValue<string>()));
        Assert.Equal("Hello world", text);
        Assert.Equal("stop", chunks[^1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        // Usage is always asked of the upstream (cost needs it) even though the client did not ask.
        Assert.True(_gateway.Upstream.LastRequest.Json["stream_options"]!["include_usage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Chat_StreamWithIncludeUsage_EndsWithUsageChunk()
    {
        var body = GatewayClientExtensions.Chat("gpt-4o", stream: true);
        body["stream_options"] = new JsonObject { ["include_usage"] = true };

        using var response = await _client.PostJsonAsync("/v1/chat/completions", body);

        var data = await response.ReadSseDataAsync();
        Assert.Equal("[DONE]", data[^1]);
        var usageChunk = JsonNode.Parse(data[^2])!.AsObject();
        Assert.Empty(usageChunk["choices"]!.AsArray());
        Assert.Equal(13, usageChunk["usage"]!["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Chat_Stream_FirstChunkArrivesBeforeUpstreamSendsTheLast()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(GatewayClientExtensions.Chat("gated", stream: true).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        // The upstream is still holding its last chunk: what we read was relayed as it arrived.
        Assert.StartsWith("data: ", first, StringComparison.Ordinal);
        Assert.Equal("assistant", JsonNode.Parse(first![6..])!["choices"]![0]!["delta"]!["role"]!.GetValue<string>());
        _gateway.Upstream.ReleaseGate();
        var rest = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.EndsWith("data: [DONE]\n\n", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_ClientDisconnectsMidStream_CancelsUpstreamCall()
    {
        using var cancel = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(GatewayClientExtensions.Chat("hang", stream: true).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
        var buffer = new byte[64];
        Assert.True(await stream.ReadAsync(buffer, cancel.Token) > 0);

        await cancel.CancelAsync();
        response.Dispose();

        await _gateway.Upstream.UpstreamAborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Chat_ToolsRoundTrip_ReturnsToolCallThenAnswer()
    {
        var tools = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = "get_weather",
                    ["parameters"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["location"] = new JsonObject { ["type"] = "string" } } },
                },
            },
        };
        var first = GatewayClientExtensions.Chat("gpt-4o", "weather in Paris?");
        first["tools"] = tools.DeepClone();
        first["tool_choice"] = "auto";

        var response = await (await _client.PostJsonAsync("/v1/chat/completions", first)).ReadObjectAsync();

        var choice = response["choices"]![0]!;
        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        var toolCall = choice["message"]!["tool_calls"]![0]!;
        Assert.Equal("get_weather", toolCall["function"]!["name"]!.GetValue<string>());
        Assert.Equal("get_weather", _gateway.Upstream.LastRequest.Json["tools"]![0]!["function"]!["name"]!.GetValue<string>());

        var second = GatewayClientExtensions.Chat("gpt-4o", "weather in Paris?");
        var messages = second["messages"]!.AsArray();
        messages.Add(choice["message"]!.DeepClone());
        messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = toolCall["id"]!.GetValue<string>(), ["content"] = "sunny" });
        second["tools"] = tools.DeepClone();

        var answer = await (await _client.PostJsonAsync("/v1/chat/completions", second)).ReadObjectAsync();

        Assert.Equal("echo: sunny", answer["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal("call_abc123", _gateway.Upstream.LastRequest.Json["messages"]![2]!["tool_call_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_ModelGroupAlias_RoutesToTargetGroup()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("my-alias"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gpt-4o", response.Header("x-litellm-model-group"));
        Assert.Equal("gpt-4o", _gateway.Upstream.LastRequest.Json["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_WildcardGroup_FillsMatchedNameIntoUpstreamModel()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("wild/gpt-4.1-mini"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("wild/gpt-4.1-mini", response.Header("x-litellm-model-group"));
        Assert.Equal("gpt-4.1-mini", _gateway.Upstream.LastRequest.Json["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_ReasoningModel_SendsMaxCompletionTokens()
    {
        var body = GatewayClientExtensions.Chat("o3-mini");
        body["max_tokens"] = 50;

        var response = await _client.PostJsonAsync("/v1/chat/completions", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = _gateway.Upstream.LastRequest.Json;
        Assert.False(upstream.ContainsKey("max_tokens"));
        Assert.Equal(50, upstream["max_completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Chat_AzureDeployment_UsesDeploymentUrlApiVersionAndApiKeyHeader()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("azure-gpt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = _gateway.Upstream.LastRequest;
        Assert.Equal("/openai/deployments/my-gpt4o-deployment/chat/completions", upstream.Path);
        Assert.Equal("?api-version=2024-06-01", upstream.Query);
        Assert.Equal("azure-secret-key", upstream.Header("api-key"));
        Assert.Null(upstream.Header("authorization"));
        Assert.Equal(_gateway.Upstream.BaseUri + "openai/deployments/my-gpt4o-deployment/chat/completions", response.Header("x-litellm-model-api-base"));
    }

    [Fact]
    public async Task Chat_AzureAdToken_SendsBearerInsteadOfApiKey()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("azure-ad"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer entra-token", _gateway.Upstream.LastRequest.Header("authorization"));
        Assert.Null(_gateway.Upstream.LastRequest.Header("api-key"));
    }

    [Fact]
    public async Task Chat_GroqWithoutApiKey_UsesGroqKeyFromEnvironment()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("groq-llama"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/openai/v1/chat/completions", _gateway.Upstream.LastRequest.Path);
        Assert.Equal("Bearer gsk-from-environment", _gateway.Upstream.LastRequest.Header("authorization"));
        Assert.Equal("llama-3.1-8b-instant", _gateway.Upstream.LastRequest.Json["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_MistralToolChoiceRequired_IsSentAsAny()
    {
        var body = GatewayClientExtensions.Chat("mistral-large");
        body["tools"] = new JsonArray { new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = "f" } } };
        body["tool_choice"] = "required";

        var response = await _client.PostJsonAsync("/v1/chat/completions", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("any", _gateway.Upstream.LastRequest.Json["tool_choice"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_UnsupportedParamWithoutDropParams_Returns400UnsupportedParamsError()
    {
        var body = GatewayClientExtensions.Chat("groq-llama");
        body["logit_bias"] = new JsonObject { ["50256"] = -100 };

        var response = await _client.PostJsonAsync("/v1/chat/completions", body);

        var error = await response.AssertOpenAIErrorAsync(400);
        Assert.StartsWith("litellm.UnsupportedParamsError: GroqException - groq does not support parameters: ['logit_bias']",
            error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("logit_bias", error["param"]!.GetValue<string>());
        Assert.Empty(_gateway.Upstream.Requests);
    }

    [Theory]
    [InlineData("groq-llama", true)]
    [InlineData("groq-dropping", false)]
    public async Task Chat_DropParamsFromRequestOrDeployment_DropsUnsupportedParam(string model, bool inRequest)
    {
        var body = GatewayClientExtensions.Chat(model);
        body["logit_bias"] = new JsonObject { ["50256"] = -100 };
        body["temperature"] = 0.3;
        if (inRequest)
        {
            body["drop_params"] = true;
        }

        var response = await _client.PostJsonAsync("/v1/chat/completions", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = _gateway.Upstream.LastRequest.Json;
        Assert.False(upstream.ContainsKey("logit_bias"));
        Assert.False(upstream.ContainsKey("drop_params"));
        Assert.Equal(0.3, upstream["temperature"]!.GetValue<double>());
    }

    [Fact]
    public async Task Chat_AnthropicBetaHeader_IsNotLeakedToOpenAI()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(GatewayClientExtensions.Chat("gpt-4o").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("anthropic-beta", "tools-2024-04-04");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayFixture.MasterKey);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(_gateway.Upstream.LastRequest.Header("anthropic-beta"));
        Assert.Null(_gateway.Upstream.LastRequest.Header("x-api-key"));
    }
}

[CollectionDefinition(Name)]
public sealed class SharedGateway : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
