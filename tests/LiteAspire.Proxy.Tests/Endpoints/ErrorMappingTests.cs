using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Tests.Endpoints;

[Collection(SharedGateway.Name)]
public sealed class ErrorMappingTests
{
    private readonly GatewayFixture _gateway;
    private readonly HttpClient _client;

    public ErrorMappingTests(GatewayFixture gateway)
    {
        _gateway = gateway;
        _client = gateway.Client;
        gateway.Upstream.Reset();
    }

    [Theory]
    [InlineData(401, 401, "authentication_error", "AuthenticationError")]
    [InlineData(403, 403, "permission_denied_error", "PermissionDeniedError")]
    [InlineData(404, 404, "not_found_error", "NotFoundError")]
    [InlineData(429, 429, "rate_limit_error", "RateLimitError")]
    [InlineData(500, 500, "internal_server_error", "APIError")]
    [InlineData(503, 503, "service_unavailable_error", "ServiceUnavailableError")]
    public async Task Chat_UpstreamFails_MapsStatusTypeAndLiteLLMMessage(int upstreamStatus, int expectedStatus, string type, string kind)
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat($"status/{upstreamStatus}"));

        var error = await response.AssertOpenAIErrorAsync(expectedStatus);
        Assert.Equal(type, error["type"]!.GetValue<string>());
        Assert.Equal($"litellm.{kind}: OpenAIException - fake upstream failure {upstreamStatus}", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_UpstreamContextWindowError_Is400ContextWindowExceeded()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("status/400ctx"));

        var error = await response.AssertOpenAIErrorAsync(400);
        Assert.StartsWith("litellm.ContextWindowExceededError: OpenAIException - This model's maximum context length", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_StreamRequestUpstreamFailsBeforeFirstChunk_ReturnsJsonError()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("status/429", stream: true));

        await response.AssertOpenAIErrorAsync(429);
    }

    [Fact]
    public async Task Chat_UpstreamFailsAfterFirstChunk_SendsErrorEventWithoutDone()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("midfail", stream: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = await response.ReadSseDataAsync();
        Assert.DoesNotContain("[DONE]", data);
        Assert.Equal("chat.completion.chunk", JsonNode.Parse(data[0])!["object"]!.GetValue<string>());
        var error = JsonNode.Parse(data[^1])!["error"]!;
        Assert.Equal("litellm.APIError: OpenAIException - upstream broke mid-stream", error["message"]!.GetValue<string>());
        Assert.Equal("500", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_UpstreamSlowerThanDeploymentTimeout_Returns408Timeout()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("slow"));

        var error = await response.AssertOpenAIErrorAsync(408);
        Assert.Equal("timeout_error", error["type"]!.GetValue<string>());
        Assert.StartsWith("litellm.Timeout: OpenAIException - Request timed out after 0.5 seconds", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_UpstreamUnreachable_Returns500ApiConnectionError()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("unreachable"));

        var error = await response.AssertOpenAIErrorAsync(500);
        Assert.StartsWith("litellm.APIConnectionError: OpenAIException - Connection error", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"model\": \"gpt-4o\", \"messages\": [", "Invalid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("", "empty")]
    [InlineData("{\"model\": \"gpt-4o\", \"messages\": \"hi\"}", "Invalid type for 'messages'")]
    [InlineData("{\"model\": \"gpt-4o\", \"messages\": []}", "Invalid 'messages': empty array")]
    [InlineData("{\"model\": \"gpt-4o\"}", "Missing required parameter: 'messages'")]
    [InlineData("{\"model\": \"gpt-4o\", \"messages\": [42]}", "Invalid type for 'messages[0]'")]
    [InlineData("{\"model\": \"gpt-4o\", \"messages\": [{\"content\": \"x\"}]}", "messages[0].role")]
    [InlineData("{\"model\": 4, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}", "Invalid type for 'model'")]
    [InlineData("{\"model\": \"gpt-4o\", \"stream\": \"yes\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}", "Invalid type for 'stream'")]
    public async Task Chat_BadInput_Returns400InOpenAIShape(string json, string messagePart)
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", json);

        var error = await response.AssertOpenAIErrorAsync(400);
        Assert.Contains(messagePart, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_gateway.Upstream.Requests);
    }

    [Fact]
    public async Task Chat_UnknownModel_Returns400WithLiteLLMMessage()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("no-such-model"));

        var error = await response.AssertOpenAIErrorAsync(400);
        Assert.Equal("Invalid model name passed in model=no-such-model. Call /v1/models to view available models for your key.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_MissingModel_Returns400InvalidModelNone()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}");

        var error = await response.AssertOpenAIErrorAsync(400);
        Assert.StartsWith("Invalid model name passed in model=None.", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_ProviderWithoutAdapter_Returns400NamingProvider()
    {
        var response = await _client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("replicate-llama"));

        var error = await response.AssertOpenAIErrorAsync(400);
        Assert.Contains("'replicate'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_InvalidUtf8Body_Returns400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"X\"}]}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3; // a lead byte with no continuation
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content);

        await response.AssertOpenAIErrorAsync(400);
        Assert.Empty(_gateway.Upstream.Requests);
    }

    [Fact]
    public async Task Chat_TwentyMegabyteBody_Returns413WithoutCallingUpstream()
    {
        using var content = new StringContent(GatewayClientExtensions.Chat("gpt-4o", new string('a', 20 * 1024 * 1024)).ToJsonString(),
            Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content);

        await response.AssertOpenAIErrorAsync(413);
        Assert.Empty(_gateway.Upstream.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Chat_BodyOverMaxRequestSize_Returns413(bool withContentLength)
    {
        var big = GatewayClientExtensions.Chat("gpt-4o", new string('a', 1_200_000)).ToJsonString();
        HttpContent content = withContentLength
            ? new StringContent(big, Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        if (!withContentLength)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = null;
        }

        var response = await _client.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content);

        var error = await response.AssertOpenAIErrorAsync(413);
        Assert.Contains("max_request_size_mb", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        content.Dispose();
    }

    [Fact]
    public async Task Embeddings_MissingInput_Returns400()
    {
        var response = await _client.PostJsonAsync("/v1/embeddings", new JsonObject { ["model"] = "text-embedding-3-small" });

        var error = await response.AssertOpenAIErrorAsync(400);
        Assert.Equal("input", error["param"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownRoute_Returns404InOpenAIShape()
    {
        var response = await _client.GetAsync(new Uri("/v1/nope", UriKind.Relative));

        await response.AssertOpenAIErrorAsync(404);
    }
}
