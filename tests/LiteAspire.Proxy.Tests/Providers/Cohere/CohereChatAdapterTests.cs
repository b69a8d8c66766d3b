using System.Text;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Cohere;
using static LiteAspire.Proxy.Tests.Providers.Bedrock.ProviderTestKit;

namespace LiteAspire.Proxy.Tests.Providers.Cohere;

public class CohereChatAdapterTests
{
    private const string Model = "command-a-03-2025";
    private static readonly CohereChatAdapter Adapter = new();

    private static ChatCall Call(JsonObject? request = null, string? apiBase = null, bool dropParams = false) =>
        Chat(Deployment("cohere_chat", Model, apiBase: apiBase, apiKey: "co-test-key"),
            request ?? new JsonObject { ["model"] = Model, ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = "Tell me about LLMs" } } },
            dropParams);

    private static Task<List<JsonObject>> Stream(string fixture, int maxRead = 13) =>
        Collect(Adapter.ReadStreamAsync(new Bedrock.ChunkedReadStream(Encoding.UTF8.GetBytes(FixtureText("Cohere", fixture)), maxRead), Call(), CancellationToken.None));

    [Fact]
    public async Task CreateRequest_DocumentedToolConversation_MatchesV2ChatBody()
    {
        var request = await Adapter.CreateRequestAsync(Call(FixtureObject("Cohere", "chat-tool-request.openai.json")), CancellationToken.None);

        AssertJsonEqual(Fixture("Cohere", "chat-tool-request.cohere.json"), await Body(request));
        Assert.Equal("https://api.cohere.com/v2/chat", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer co-test-key", request.Headers.Authorization!.ToString());
        Assert.Equal("text/event-stream", request.Headers.Accept.Single().MediaType);
    }

    [Fact]
    public async Task CreateRequest_NoKeyAnywhere_AuthenticationError()
    {
        if (Environment.GetEnvironmentVariable("COHERE_API_KEY") is not null || Environment.GetEnvironmentVariable("CO_API_KEY") is not null)
        {
            return; // this machine has a Cohere key in its environment; the adapter would rightly use it
        }

        var call = Chat(Deployment("cohere", Model), Call().Request);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Adapter.CreateRequestAsync(call, CancellationToken.None).AsTask());

        Assert.Equal(LiteLLMErrorKind.AuthenticationError, error.Kind);
        Assert.StartsWith("litellm.AuthenticationError: CohereException - ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRequest_ApiBase_ReplacesCohereHost()
    {
        var request = await Adapter.CreateRequestAsync(Call(apiBase: "http://127.0.0.1:9200/"), CancellationToken.None);

        Assert.Equal("http://127.0.0.1:9200/v2/chat", request.RequestUri!.AbsoluteUri);
        Assert.Equal("application/json", request.Headers.Accept.Single().MediaType);
    }

    [Fact]
    public async Task CreateRequest_JsonSchemaResponseFormat_BecomesJsonObjectWithSchema()
    {
        var body = (JsonObject)Call().Request.DeepClone();
        body["response_format"] = JsonNode.Parse("""{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object","properties":{"a":{"type":"string"}}}}}""");

        var sent = await Body(await Adapter.CreateRequestAsync(Call(body), CancellationToken.None));

        AssertJsonEqual(JsonNode.Parse("""{"type":"json_object","json_schema":{"type":"object","properties":{"a":{"type":"string"}}}}""")!, sent["response_format"]);
    }

    [Fact]
    public async Task CreateRequest_NamedToolChoice_400UnlessDropped()
    {
        var body = FixtureObject("Cohere", "chat-tool-request.openai.json");
        body["tool_choice"] = JsonNode.Parse("""{"type":"function","function":{"name":"get_weather"}}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => Adapter.CreateRequestAsync(Call(body), CancellationToken.None).AsTask());
        var dropped = await Body(await Adapter.CreateRequestAsync(Call(body, dropParams: true), CancellationToken.None));

        Assert.Equal(LiteLLMErrorKind.UnsupportedParamsError, error.Kind);
        Assert.StartsWith("litellm.UnsupportedParamsError: CohereException - ", error.Message, StringComparison.Ordinal);
        Assert.False(dropped.ContainsKey("tool_choice"));
    }

    [Fact]
    public async Task CreateRequest_MalformedContent_BadRequestNot500()
    {
        var body = (JsonObject)JsonNode.Parse("""{"model":"command-a-03-2025","messages":[{"role":"system","content":[{"type":"text","text":{"nested":true}}]}]}""")!;

        var error = await Assert.ThrowsAsync<ProviderException>(() => Adapter.CreateRequestAsync(Call(body), CancellationToken.None).AsTask());

        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void ReadResponse_DocumentedTextResponse_BecomesChatCompletionWithBilledUsage()
    {
        var completion = Adapter.ReadResponse(Fixture("Cohere", "chat-text-response.json"), Call());

        Assert.Equal("c14c80c3-18eb-4519-9460-6c92edd8cfb4", completion["id"]!.GetValue<string>());
        Assert.Equal(Model, completion["model"]!.GetValue<string>());
        var choice = completion["choices"]![0]!;
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        Assert.StartsWith("LLMs stand for Large Language Models", choice["message"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":5,"completion_tokens":418,"total_tokens":423}""")!, completion["usage"]);
    }

    [Fact]
    public void ReadResponse_DocumentedToolCall_BecomesToolCalls()
    {
        var choice = Adapter.ReadResponse(Fixture("Cohere", "chat-tool-response.json"), Call())["choices"]![0]!;

        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        Assert.Null(choice["message"]!["content"]);
        AssertJsonEqual(
            JsonNode.Parse("""[{"id":"get_weather_1byjy32y4hvq","type":"function","function":{"name":"get_weather","arguments":"{\"location\":\"Toronto\"}"},"index":0}]""")!,
            choice["message"]!["tool_calls"]);
    }

    [Theory]
    [InlineData("MAX_TOKENS", "length")]
    [InlineData("STOP_SEQUENCE", "stop")]
    [InlineData("ERROR_TOXIC", "content_filter")]
    public void ReadResponse_FinishReason_MapsToOpenAI(string cohere, string openAi)
    {
        var body = Fixture("Cohere", "chat-text-response.json");
        body["finish_reason"] = cohere;

        Assert.Equal(openAi, Adapter.ReadResponse(body, Call())["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(8192)]
    public async Task ReadStream_DocumentedTextEvents_BecomeOpenAIChunks(int maxRead)
    {
        var chunks = await Stream("chat-stream.sse", maxRead);

        Assert.Equal(5, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("29f14a5a-11de-4cae-9800-25e4747408ea", c["id"]!.GetValue<string>()));
        AssertJsonEqual(JsonNode.Parse("""{"role":"assistant","content":""}""")!, chunks[0]["choices"]![0]!["delta"]);
        Assert.Equal("Hello", chunks[1]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal("!", chunks[2]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", chunks[3]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Empty(chunks[4]["choices"]!.AsArray());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}""")!, chunks[4]["usage"]);
    }

    [Fact]
    public async Task ReadStream_DocumentedToolCallEvents_BecomeToolCallDeltas()
    {
        var chunks = await Stream("chat-tool-stream.sse");

        Assert.Equal(6, chunks.Count);
        AssertJsonEqual(
            JsonNode.Parse("""{"tool_calls":[{"id":"get_weather_1byjy32y4hvq","type":"function","function":{"name":"get_weather","arguments":""},"index":0}]}""")!,
            chunks[1]["choices"]![0]!["delta"]);
        AssertJsonEqual(JsonNode.Parse("""{"tool_calls":[{"index":0,"function":{"arguments":"{\"location\":"}}]}""")!, chunks[2]["choices"]![0]!["delta"]);
        AssertJsonEqual(JsonNode.Parse("""{"tool_calls":[{"index":0,"function":{"arguments":"\"Toronto\"}"}}]}""")!, chunks[3]["choices"]![0]!["delta"]);
        Assert.Equal("tool_calls", chunks[4]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(65, chunks[5]["usage"]!["total_tokens"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(400, "{\"message\":\"invalid request: message must be at least 1 token long or tool results must be specified.\"}", LiteLLMErrorKind.BadRequestError, 400)]
    [InlineData(401, "{\"message\":\"invalid api token\"}", LiteLLMErrorKind.AuthenticationError, 401)]
    [InlineData(498, "{\"message\":\"invalid api token\"}", LiteLLMErrorKind.AuthenticationError, 401)]
    [InlineData(429, "{\"message\":\"You are using a Trial key, which is limited to 10 API calls / minute.\"}", LiteLLMErrorKind.RateLimitError, 429)]
    [InlineData(400, "{\"message\":\"too many tokens: total number of tokens in the prompt cannot exceed 4081\"}", LiteLLMErrorKind.ContextWindowExceededError, 400)]
    [InlineData(500, "{\"message\":\"internal server error, this has been reported to our developers\"}", LiteLLMErrorKind.APIError, 500)]
    public void ReadError_CohereErrorBody_MapsToLiteLLMKind(int status, string body, LiteLLMErrorKind kind, int clientStatus)
    {
        var error = Adapter.ReadError(status, body, Call());

        Assert.Equal(kind, error.Kind);
        Assert.Equal(clientStatus, error.StatusCode);
        Assert.DoesNotContain("co-test-key", error.Message, StringComparison.Ordinal);
    }
}
