using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Bedrock;
using static LiteAspire.Proxy.Tests.Providers.Bedrock.ProviderTestKit;

namespace LiteAspire.Proxy.Tests.Providers.Bedrock;

public class BedrockConverseTranslationTests
{
    private const string Model = "anthropic.claude-3-sonnet-20240229-v1:0";
    private static readonly BedrockConverseAdapter Adapter = new(new FixedTime(DateTimeOffset.UnixEpoch.AddYears(50)));

    private static ResolvedDeployment Aws(string model = Model, string? apiBase = null) => Deployment("bedrock", model, apiBase: apiBase, parameters: new()
    {
        ["aws_access_key_id"] = "AKIDEXAMPLE",
        ["aws_secret_access_key"] = "secret",
        ["aws_region_name"] = "us-east-1",
    });

    private static JsonObject Hello(string model = Model) => new()
    {
        ["model"] = model,
        ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = "Hello" } },
    };

    [Fact]
    public async Task CreateRequest_DocumentedToolConversation_MatchesConverseBody()
    {
        var request = await Adapter.CreateRequestAsync(Chat(Aws(), FixtureObject("Bedrock", "converse-tool-request.openai.json")), CancellationToken.None);

        AssertJsonEqual(Fixture("Bedrock", "converse-tool-request.bedrock.json"), await Body(request));
        Assert.Equal("https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-sonnet-20240229-v1%3A0/converse", request.RequestUri!.AbsoluteUri);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task CreateRequest_Stream_UsesConverseStreamAndEventStreamAccept()
    {
        var body = Hello();
        body["stream"] = true;

        var request = await Adapter.CreateRequestAsync(Chat(Aws(), body), CancellationToken.None);

        Assert.EndsWith("/converse-stream", request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("application/vnd.amazon.eventstream", request.Headers.Accept.Single().MediaType);
        Assert.False((await Body(request)).ContainsKey("stream"));
    }

    [Fact]
    public async Task CreateRequest_ConverseRouteAndArn_StripsRouteAndEncodesId()
    {
        var arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0";

        var request = await Adapter.CreateRequestAsync(Chat(Aws("converse/" + arn), Hello(arn)), CancellationToken.None);

        Assert.Equal("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse",
            request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task CreateRequest_ApiBase_OverridesRegionalHost()
    {
        var request = await Adapter.CreateRequestAsync(Chat(Aws(apiBase: "http://127.0.0.1:9123/"), Hello()), CancellationToken.None);

        Assert.Equal("http://127.0.0.1:9123/model/anthropic.claude-3-sonnet-20240229-v1%3A0/converse", request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task CreateRequest_RuntimeEndpointParam_OverridesRegionalHost()
    {
        var deployment = Deployment("bedrock", Model, parameters: new()
        {
            ["aws_access_key_id"] = "AKIDEXAMPLE",
            ["aws_secret_access_key"] = "secret",
            ["aws_region_name"] = "us-east-1",
            ["aws_bedrock_runtime_endpoint"] = "https://vpce-1234.bedrock-runtime.us-east-1.vpce.amazonaws.com",
        });

        var request = await Adapter.CreateRequestAsync(Chat(deployment, Hello()), CancellationToken.None);

        Assert.Equal("vpce-1234.bedrock-runtime.us-east-1.vpce.amazonaws.com", request.RequestUri!.Host);
    }

    [Theory]
    [InlineData("\"required\"", "{\"any\":{}}")]
    [InlineData("{\"type\":\"function\",\"function\":{\"name\":\"top_song\"}}", "{\"tool\":{\"name\":\"top_song\"}}")]
    public async Task CreateRequest_ToolChoice_MapsToConverseToolChoice(string openAi, string converse)
    {
        var body = FixtureObject("Bedrock", "converse-tool-request.openai.json");
        body["tool_choice"] = JsonNode.Parse(openAi);

        var sent = await Body(await Adapter.CreateRequestAsync(Chat(Aws(), body), CancellationToken.None));

        AssertJsonEqual(JsonNode.Parse(converse)!, sent["toolConfig"]!["toolChoice"]);
    }

    [Fact]
    public async Task CreateRequest_ToolChoiceNoneWithoutDropParams_UnsupportedParams400()
    {
        var body = FixtureObject("Bedrock", "converse-tool-request.openai.json");
        body["tool_choice"] = "none";

        var error = await Assert.ThrowsAsync<ProviderException>(() => Adapter.CreateRequestAsync(Chat(Aws(), body), CancellationToken.None).AsTask());

        Assert.Equal(LiteLLMErrorKind.UnsupportedParamsError, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("tool_choice", error.Param);
    }

    [Fact]
    public async Task CreateRequest_ToolChoiceNoneWithDropParams_SendsNoTools()
    {
        var body = FixtureObject("Bedrock", "converse-tool-request.openai.json");
        body["tool_choice"] = "none";

        var sent = await Body(await Adapter.CreateRequestAsync(Chat(Aws(), body, dropParams: true), CancellationToken.None));

        Assert.False(sent.ContainsKey("toolConfig"));
    }

    [Fact]
    public async Task CreateRequest_UnsupportedParam_400UnlessDropped()
    {
        var body = Hello();
        body["presence_penalty"] = 0.5;

        var error = await Assert.ThrowsAsync<ProviderException>(() => Adapter.CreateRequestAsync(Chat(Aws(), body), CancellationToken.None).AsTask());
        var dropped = await Body(await Adapter.CreateRequestAsync(Chat(Aws(), body, dropParams: true), CancellationToken.None));

        Assert.Equal("presence_penalty", error.Param);
        Assert.StartsWith("litellm.UnsupportedParamsError: BedrockException - ", error.Message, StringComparison.Ordinal);
        Assert.False(dropped.ContainsKey("presence_penalty"));
    }

    [Fact]
    public async Task CreateRequest_RemoteImageUrl_BadRequest()
    {
        var body = Hello();
        body["messages"] = JsonNode.Parse("""[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => Adapter.CreateRequestAsync(Chat(Aws(), body), CancellationToken.None).AsTask());

        Assert.Equal(LiteLLMErrorKind.BadRequestError, error.Kind);
    }

    [Fact]
    public async Task CreateRequest_ReasoningEffortAndJsonSchema_AddThinkingAndForcedJsonTool()
    {
        var body = Hello();
        body["reasoning_effort"] = "medium";
        body["response_format"] = JsonNode.Parse("""{"type":"json_schema","json_schema":{"name":"song","schema":{"type":"object","properties":{"title":{"type":"string"}}}}}""");

        var sent = await Body(await Adapter.CreateRequestAsync(Chat(Aws(), body), CancellationToken.None));

        AssertJsonEqual(JsonNode.Parse("""{"type":"enabled","budget_tokens":2048}""")!, sent["additionalModelRequestFields"]!["thinking"]);
        Assert.Equal("json_tool_call", sent["toolConfig"]!["tools"]![0]!["toolSpec"]!["name"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"type":"object","properties":{"title":{"type":"string"}}}""")!, sent["toolConfig"]!["tools"]![0]!["toolSpec"]!["inputSchema"]!["json"]);
        AssertJsonEqual(JsonNode.Parse("""{"tool":{"name":"json_tool_call"}}""")!, sent["toolConfig"]!["toolChoice"]);
    }

    [Fact]
    public async Task CreateRequest_CacheControlDocumentAndGuardrail_BecomeCachePointDocumentAndGuardrailConfig()
    {
        var body = Hello();
        body["messages"] = JsonNode.Parse("""
            [{"role":"system","content":[{"type":"text","text":"Long instructions","cache_control":{"type":"ephemeral"}}]},
             {"role":"user","content":[
               {"type":"file","file":{"filename":"report.pdf","file_data":"data:application/pdf;base64,JVBERi0x"}},
               {"type":"text","text":"Summarise it","cache_control":{"type":"ephemeral"}}]}]
            """);
        body["guardrailConfig"] = JsonNode.Parse("""{"guardrailIdentifier":"gr-1","guardrailVersion":"1"}""");

        var sent = await Body(await Adapter.CreateRequestAsync(Chat(Aws(), body), CancellationToken.None));

        AssertJsonEqual(JsonNode.Parse("""[{"text":"Long instructions"},{"cachePoint":{"type":"default"}}]""")!, sent["system"]);
        AssertJsonEqual(JsonNode.Parse("""
            [{"document":{"format":"pdf","name":"document 1","source":{"bytes":"JVBERi0x"}}},{"text":"Summarise it"},{"cachePoint":{"type":"default"}}]
            """)!, sent["messages"]![0]!["content"]);
        AssertJsonEqual(JsonNode.Parse("""{"guardrailIdentifier":"gr-1","guardrailVersion":"1"}""")!, sent["guardrailConfig"]);
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":[["not a part"]]}]}""")]
    [InlineData("""{"messages":[{"role":"assistant","content":"x","tool_calls":[{"id":"1","function":[]}]}],"tool_choice":{"function":[]}}""")]
    public async Task CreateRequest_MalformedBody_BadRequestNot500(string json)
    {
        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Adapter.CreateRequestAsync(Chat(Aws(), (JsonObject)JsonNode.Parse(json)!), CancellationToken.None).AsTask());

        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void ReadResponse_DocumentedTextResponse_BecomesChatCompletion()
    {
        var completion = Adapter.ReadResponse(Fixture("Bedrock", "converse-text-response.json"), Chat(Aws(), Hello()));

        Assert.Equal("chat.completion", completion["object"]!.GetValue<string>());
        Assert.StartsWith("chatcmpl-", completion["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Model, completion["model"]!.GetValue<string>());
        var choice = completion["choices"]![0]!;
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal("assistant", choice["message"]!["role"]!.GetValue<string>());
        Assert.StartsWith("Here is a list of 3 pop songs", choice["message"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":125,"completion_tokens":60,"total_tokens":185}""")!, completion["usage"]);
    }

    [Fact]
    public void ReadResponse_ToolUseWithReasoningAndCache_BecomesToolCallsReasoningAndCacheUsage()
    {
        var completion = Adapter.ReadResponse(Fixture("Bedrock", "converse-tool-response.json"), Chat(Aws(), Hello()));

        var choice = completion["choices"]![0]!;
        var message = choice["message"]!;
        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal("I'll look up the most popular song on WZPZ.", message["content"]!.GetValue<string>());
        Assert.Equal("The user wants the top song on WZPZ; the top_song tool answers that.", message["reasoning_content"]!.GetValue<string>());
        var call = message["tool_calls"]![0]!;
        Assert.Equal("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", call["id"]!.GetValue<string>());
        Assert.Equal("function", call["type"]!.GetValue<string>());
        Assert.Equal("top_song", call["function"]!["name"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"sign":"WZPZ"}""")!, JsonNode.Parse(call["function"]!["arguments"]!.GetValue<string>()));
        var usage = completion["usage"]!;
        Assert.Equal(375 + 80 + 20, usage["prompt_tokens"]!.GetValue<long>());
        Assert.Equal(72, usage["completion_tokens"]!.GetValue<long>());
        Assert.Equal(80, usage["prompt_tokens_details"]!["cached_tokens"]!.GetValue<long>());
        Assert.Equal(20, usage["cache_creation_input_tokens"]!.GetValue<long>());
    }

    [Fact]
    public void ReadResponse_JsonToolCall_BecomesContent()
    {
        var body = JsonNode.Parse("""
            {"output":{"message":{"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"json_tool_call","input":{"title":"Elemental Hotel"}}}]}},
             "stopReason":"tool_use","usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15}}
            """)!;

        var choice = Adapter.ReadResponse(body, Chat(Aws(), Hello()))["choices"]![0]!;

        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        Assert.Equal("{\"title\":\"Elemental Hotel\"}", choice["message"]!["content"]!.GetValue<string>());
        Assert.Null(choice["message"]!["tool_calls"]);
    }

    [Theory]
    [InlineData("max_tokens", "length")]
    [InlineData("stop_sequence", "stop")]
    [InlineData("guardrail_intervened", "content_filter")]
    [InlineData("content_filtered", "content_filter")]
    public void ReadResponse_StopReason_MapsToFinishReason(string stopReason, string finishReason)
    {
        var body = Fixture("Bedrock", "converse-text-response.json");
        body["stopReason"] = stopReason;

        var completion = Adapter.ReadResponse(body, Chat(Aws(), Hello()));

        Assert.Equal(finishReason, completion["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(400, "{\"message\":\"Malformed input request: #: extraneous key [foo] is not permitted, please reformat your input and try again.\"}", LiteLLMErrorKind.BadRequestError, 400)]
    [InlineData(400, "{\"message\":\"Input is too long for requested model.\"}", LiteLLMErrorKind.ContextWindowExceededError, 400)]
    [InlineData(403, "{\"message\":\"The security token included in the request is invalid.\"}", LiteLLMErrorKind.PermissionDeniedError, 403)]
    [InlineData(429, "{\"message\":\"Too many requests, please wait before trying again.\"}", LiteLLMErrorKind.RateLimitError, 429)]
    [InlineData(404, "{\"Message\":\"Could not resolve the foundation model from the provided model identifier.\"}", LiteLLMErrorKind.NotFoundError, 404)]
    [InlineData(503, "{\"message\":\"Bedrock is unable to process your request.\"}", LiteLLMErrorKind.ServiceUnavailableError, 503)]
    public void ReadError_BedrockErrorBody_MapsToLiteLLMKind(int status, string body, LiteLLMErrorKind kind, int clientStatus)
    {
        var error = Adapter.ReadError(status, body, Chat(Aws(), Hello()));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(clientStatus, error.StatusCode);
        Assert.StartsWith($"litellm.{kind}: BedrockException - ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{", error.UpstreamMessage, StringComparison.Ordinal);
    }
}
