using System.Text;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Ollama;
using static LiteAspire.Proxy.Tests.Providers.Bedrock.ProviderTestKit;

namespace LiteAspire.Proxy.Tests.Providers.Ollama;

public class OllamaChatAdapterTests
{
    private const string Model = "llama3.2";
    private static readonly OllamaChatAdapter Adapter = new();

    private static JsonObject Ask(params (string Role, string Content)[] messages)
    {
        var list = new JsonArray();
        foreach (var (role, content) in messages)
        {
            list.Add(new JsonObject { ["role"] = role, ["content"] = content });
        }

        return new JsonObject { ["model"] = Model, ["messages"] = list };
    }

    private static ChatCall Call(string prefix, JsonObject? request = null, string? apiBase = null, bool dropParams = false) =>
        Chat(Deployment(prefix, Model, apiBase: apiBase), request ?? Ask(("user", "why is the sky blue?")), dropParams);

    private static Task<List<JsonObject>> Stream(string prefix, string fixture, int maxRead = 19) =>
        Collect(Adapter.ReadStreamAsync(new Bedrock.ChunkedReadStream(Encoding.UTF8.GetBytes(FixtureText("Ollama", fixture)), maxRead), Call(prefix), CancellationToken.None));

    [Fact]
    public async Task CreateRequest_OllamaChatToolConversation_MatchesApiChatBody()
    {
        var request = await Adapter.CreateRequestAsync(Call("ollama_chat", FixtureObject("Ollama", "chat-tool-request.openai.json")), CancellationToken.None);

        Assert.Equal("http://localhost:11434/api/chat", request.RequestUri!.AbsoluteUri);
        Assert.Null(request.Headers.Authorization);
        AssertJsonEqual(Fixture("Ollama", "chat-tool-request.ollama.json"), await Body(request));
    }

    [Fact]
    public async Task CreateRequest_NonStreaming_SendsStreamFalseExplicitly()
    {
        var body = await Body(await Adapter.CreateRequestAsync(Call("ollama_chat", apiBase: "http://127.0.0.1:9300"), CancellationToken.None));

        AssertJsonEqual(JsonNode.Parse("""{"model":"llama3.2","messages":[{"role":"user","content":"why is the sky blue?"}],"stream":false}""")!, body);
    }

    [Fact]
    public async Task CreateRequest_JsonSchemaResponseFormat_SendsSchemaAsFormat()
    {
        var request = Ask(("user", "Tell me about Canada."));
        request["response_format"] = JsonNode.Parse("""{"type":"json_schema","json_schema":{"name":"country","schema":{"type":"object","properties":{"name":{"type":"string"},"capital":{"type":"string"}},"required":["name","capital"]}}}""");

        var body = await Body(await Adapter.CreateRequestAsync(Call("ollama_chat", request), CancellationToken.None));

        AssertJsonEqual(JsonNode.Parse("""{"type":"object","properties":{"name":{"type":"string"},"capital":{"type":"string"}},"required":["name","capital"]}""")!, body["format"]);
    }

    [Fact]
    public async Task CreateRequest_OllamaPrefixSingleTurn_GeneratesWithPlainPromptAndSystem()
    {
        var request = await Adapter.CreateRequestAsync(Call("ollama", Ask(("system", "Answer briefly."), ("user", "why is the sky blue?"))), CancellationToken.None);

        Assert.Equal("http://localhost:11434/api/generate", request.RequestUri!.AbsoluteUri);
        AssertJsonEqual(JsonNode.Parse("""{"model":"llama3.2","prompt":"why is the sky blue?","system":"Answer briefly.","stream":false}""")!, await Body(request));
    }

    [Fact]
    public async Task CreateRequest_OllamaPrefixConversation_FlattensIntoPromptTemplate()
    {
        var call = Call("ollama", Ask(("user", "Hi"), ("assistant", "Hello!"), ("user", "why is the sky blue?")));

        var body = await Body(await Adapter.CreateRequestAsync(call, CancellationToken.None));

        Assert.Equal("### User:\nHi\n### Response:\nHello!\n### User:\nwhy is the sky blue?\n### Response:", body["prompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateRequest_OllamaPrefixWithTools_400UnlessDropped()
    {
        var request = FixtureObject("Ollama", "chat-tool-request.openai.json");

        var error = await Assert.ThrowsAsync<ProviderException>(() => Adapter.CreateRequestAsync(Call("ollama", request), CancellationToken.None).AsTask());

        Assert.Equal(LiteLLMErrorKind.UnsupportedParamsError, error.Kind);
        Assert.StartsWith("litellm.UnsupportedParamsError: OllamaException - ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRequest_MalformedContent_BadRequestNot500()
    {
        var body = (JsonObject)JsonNode.Parse("""{"model":"llama3.2","messages":[{"role":"user","content":[["x"]]}]}""")!;

        var error = await Assert.ThrowsAsync<ProviderException>(() => Adapter.CreateRequestAsync(Call("ollama_chat", body), CancellationToken.None).AsTask());

        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void ReadResponse_DocumentedChatResponse_BecomesChatCompletion()
    {
        var completion = Adapter.ReadResponse(Fixture("Ollama", "chat-response.json"), Call("ollama_chat"));

        var choice = completion["choices"]![0]!;
        Assert.Equal("Hello! How are you today?", choice["message"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal(Model, completion["model"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":26,"completion_tokens":298,"total_tokens":324}""")!, completion["usage"]);
    }

    [Fact]
    public void ReadResponse_DocumentedToolCallResponse_BecomesToolCallsWithStringArguments()
    {
        var choice = Adapter.ReadResponse(Fixture("Ollama", "chat-tool-response.json"), Call("ollama_chat"))["choices"]![0]!;

        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        Assert.Null(choice["message"]!["content"]);
        var call = choice["message"]!["tool_calls"]![0]!;
        Assert.StartsWith("call_", call["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("get_current_weather", call["function"]!["name"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"format":"celsius","location":"Paris, FR"}""")!, JsonNode.Parse(call["function"]!["arguments"]!.GetValue<string>()));
    }

    [Fact]
    public void ReadResponse_DocumentedGenerateResponse_BecomesChatCompletion()
    {
        var completion = Adapter.ReadResponse(Fixture("Ollama", "generate-response.json"), Call("ollama"));

        Assert.Equal("The sky is blue because it is the color of the sky.", completion["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal(316, completion["usage"]!["total_tokens"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(19)]
    [InlineData(8192)]
    public async Task ReadStream_DocumentedChatNdjson_BecomesOpenAIChunks(int maxRead)
    {
        var chunks = await Stream("ollama_chat", "chat-stream.ndjson", maxRead);

        Assert.Equal(5, chunks.Count);
        AssertJsonEqual(JsonNode.Parse("""{"role":"assistant","content":"The"}""")!, chunks[0]["choices"]![0]!["delta"]);
        Assert.Equal(" sky", chunks[1]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal(" is blue.", chunks[2]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", chunks[3]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Empty(chunks[4]["choices"]!.AsArray());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":26,"completion_tokens":282,"total_tokens":308}""")!, chunks[4]["usage"]);
    }

    [Fact]
    public async Task ReadStream_ToolCallLine_BecomesCompleteToolCallDelta()
    {
        var chunks = await Stream("ollama_chat", "chat-tool-stream.ndjson");

        var call = chunks[0]["choices"]![0]!["delta"]!["tool_calls"]![0]!;
        Assert.Equal(0, call["index"]!.GetValue<int>());
        Assert.Equal("get_current_weather", call["function"]!["name"]!.GetValue<string>());
        Assert.Equal("tool_calls", chunks[1]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(155, chunks[2]["usage"]!["total_tokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task ReadStream_DocumentedGenerateNdjson_BecomesOpenAIChunksWithLengthFinish()
    {
        var chunks = await Stream("ollama", "generate-stream.ndjson");

        Assert.Equal("The", chunks[0]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal(" sky", chunks[1]["choices"]![0]!["delta"]!["content"]!.GetValue<string>());
        Assert.Equal("length", chunks[2]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Equal(259, chunks[3]["usage"]!["completion_tokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task ReadStream_ErrorLine_ThrowsProviderException()
    {
        var data = Encoding.UTF8.GetBytes("{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\n{\"error\":\"an error was encountered while running the model: unexpected EOF\"}\n");

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Collect(Adapter.ReadStreamAsync(new MemoryStream(data), Call("ollama_chat"), CancellationToken.None)));

        Assert.Contains("unexpected EOF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadStream_TruncatedJsonLine_ThrowsApiErrorNotJsonException()
    {
        var data = Encoding.UTF8.GetBytes("{\"model\":\"llama3.2\",\"message\":{\"role\":\"assis\n");

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Collect(Adapter.ReadStreamAsync(new MemoryStream(data), Call("ollama_chat"), CancellationToken.None)));

        Assert.Equal(LiteLLMErrorKind.APIError, error.Kind);
    }

    [Theory]
    [InlineData(404, "{\"error\":\"model \\\"llama3\\\" not found, try pulling it first\"}", LiteLLMErrorKind.NotFoundError)]
    [InlineData(400, "{\"error\":\"invalid options: num_predict\"}", LiteLLMErrorKind.BadRequestError)]
    [InlineData(500, "{\"error\":\"llama runner process has terminated\"}", LiteLLMErrorKind.APIError)]
    public void ReadError_OllamaErrorBody_MapsToLiteLLMKind(int status, string body, LiteLLMErrorKind kind)
    {
        var error = Adapter.ReadError(status, body, Call("ollama_chat"));

        Assert.Equal(kind, error.Kind);
        Assert.DoesNotContain("{\"error\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEmbeddingRequest_DocumentedEmbed_PostsToApiEmbed()
    {
        var call = new EmbeddingCall
        {
            Deployment = Deployment("ollama", "all-minilm"),
            Request = new JsonObject { ["model"] = "all-minilm", ["input"] = new JsonArray("Why is the sky blue?", "Why is the grass green?") },
        };

        var request = await Adapter.CreateEmbeddingRequestAsync(call, CancellationToken.None);

        Assert.Equal("http://localhost:11434/api/embed", request.RequestUri!.AbsoluteUri);
        AssertJsonEqual(JsonNode.Parse("""{"model":"all-minilm","input":["Why is the sky blue?","Why is the grass green?"]}""")!, await Body(request));
    }

    [Fact]
    public void ReadEmbeddingResponse_DocumentedEmbedResponse_BecomesOpenAIList()
    {
        var call = new EmbeddingCall { Deployment = Deployment("ollama", "all-minilm"), Request = new JsonObject { ["model"] = "all-minilm" } };

        var result = Adapter.ReadEmbeddingResponse(Fixture("Ollama", "embed-response.json"), call);

        Assert.Equal(2, result["data"]!.AsArray().Count);
        Assert.Equal(1, result["data"]![1]!["index"]!.GetValue<int>());
        Assert.Equal(-0.0098027075, result["data"]![1]!["embedding"]![0]!.GetValue<double>());
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":8,"total_tokens":8}""")!, result["usage"]);
    }
}
