using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Anthropic;

using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.Providers.Anthropic;

public class AnthropicRequestTranslatorTests
{
    private static JsonObject Translate(string json, bool dropParams = false) =>
        AnthropicRequestTranslator.Translate((JsonObject)JsonNode.Parse(json)!, dropParams);

    [Fact]
    public void Translate_DocsBasicRequest_IsTheDocumentedMessagesRequest()
    {
        var body = AnthropicRequestTranslator.Translate(Provider("openai-basic-request.json"), dropParams: false);

        AssertJsonEqual(Provider("messages-basic-request.json"), body);
    }

    [Fact]
    public void Translate_DocsToolRequest_ToolsBecomeInputSchemaWithoutSchemaKeywords()
    {
        var body = AnthropicRequestTranslator.Translate(Provider("openai-tool-request.json"), dropParams: false);

        AssertJsonEqual(Provider("tool-use-request.json"), body);
    }

    [Fact]
    public void Translate_DocsToolResultConversation_ToolCallsBecomeToolUseAndResultsAUserTurn()
    {
        var body = AnthropicRequestTranslator.Translate(Provider("openai-tool-result-request.json"), dropParams: false);

        AssertJsonEqual(Provider("tool-result-request.json"), body);
    }

    [Fact]
    public void Translate_ImagesAsDataUrlAndHttpUrl_BecomeBase64AndUrlSources()
    {
        var body = AnthropicRequestTranslator.Translate(Provider("openai-vision-request.json"), dropParams: false);

        AssertJsonEqual(Provider("vision-request.json"), body);
    }

    [Fact]
    public void Translate_SystemPartsWithCacheControl_SystemStaysBlocks()
    {
        var body = AnthropicRequestTranslator.Translate(Provider("openai-prompt-caching-request.json"), dropParams: false);

        AssertJsonEqual(Provider("prompt-caching-request.json"), body);
    }

    [Fact]
    public void Translate_SeveralSystemMessages_JoinedIntoOneTopLevelString()
    {
        var body = Translate("""
            {"model":"m","messages":[{"role":"system","content":"A"},{"role":"user","content":"hi"},{"role":"developer","content":"B"}]}
            """);

        Assert.Equal("A\nB", body["system"]!.GetValue<string>());
        var messages = body["messages"]!.AsArray();
        Assert.Single(messages);
        Assert.Equal("user", messages[0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public void Translate_NoMaxTokens_Defaults4096()
    {
        var body = Translate("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(4096, body["max_tokens"]!.GetValue<long>());
    }

    [Fact]
    public void Translate_MaxCompletionTokens_BecomesMaxTokens()
    {
        var body = Translate("""{"model":"m","max_completion_tokens":77,"messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(77, body["max_tokens"]!.GetValue<long>());
        Assert.Null(body["max_completion_tokens"]);
    }

    [Fact]
    public void Translate_SamplingStopAndUser_MappedToAnthropicNames()
    {
        var body = Translate("""
            {"model":"m","messages":[{"role":"user","content":"hi"}],"temperature":0.2,"top_p":0.9,"top_k":40,
             "stop":["END","\n\n"],"user":"user-123","stream":true,"stream_options":{"include_usage":true}}
            """);

        Assert.Equal(0.2, body["temperature"]!.GetValue<double>());
        Assert.Equal(0.9, body["top_p"]!.GetValue<double>());
        Assert.Equal(40, body["top_k"]!.GetValue<int>());
        AssertJsonEqual(JsonNode.Parse("""["END","\n\n"]"""), body["stop_sequences"]);
        Assert.Equal("user-123", body["metadata"]!["user_id"]!.GetValue<string>());
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.Null(body["stream_options"]);
        Assert.Null(body["stop"]);
        Assert.Null(body["user"]);
    }

    [Fact]
    public void Translate_SingleStopString_BecomesOneStopSequence()
    {
        var body = Translate("""{"model":"m","messages":[{"role":"user","content":"hi"}],"stop":"END"}""");

        AssertJsonEqual(JsonNode.Parse("""["END"]"""), body["stop_sequences"]);
    }

    [Fact]
    public void Translate_WhitespaceStopWithDropParams_Dropped()
    {
        var body = Translate("""{"model":"m","messages":[{"role":"user","content":"hi"}],"stop":["  ","END"]}""", dropParams: true);

        AssertJsonEqual(JsonNode.Parse("""["END"]"""), body["stop_sequences"]);
    }

    [Theory]
    [InlineData("someone@example.com")]
    [InlineData("+1 (555) 123-4567")]
    public void Translate_UserThatLooksLikeEmailOrPhone_NotSentAsMetadata(string user)
    {
        var request = new JsonObject { ["model"] = "m", ["user"] = user, ["messages"] = JsonNode.Parse("""[{"role":"user","content":"hi"}]""") };

        var body = AnthropicRequestTranslator.Translate(request, dropParams: false);

        Assert.Null(body["metadata"]);
    }

    [Fact]
    public void Translate_ConsecutiveSameRoleMessages_MergedIntoOneTurn()
    {
        var body = Translate("""
            {"model":"m","messages":[{"role":"user","content":"one"},{"role":"user","content":"two"},
              {"role":"assistant","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"three"}]}
            """);

        AssertJsonEqual(JsonNode.Parse("""
            [{"role":"user","content":[{"type":"text","text":"one"},{"type":"text","text":"two"}]},
             {"role":"assistant","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},
             {"role":"user","content":[{"type":"text","text":"three"}]}]
            """), body["messages"]);
    }

    [Fact]
    public void Translate_ConsecutiveToolResults_MergedIntoOneUserTurn()
    {
        var body = Translate("""
            {"model":"m","messages":[{"role":"user","content":"weather in Paris and Rome?"},
              {"role":"assistant","content":null,"tool_calls":[
                {"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                {"id":"toolu_2","type":"function","function":{"name":"get_weather","arguments":"not json"}}]},
              {"role":"tool","tool_call_id":"toolu_1","content":"20C"},
              {"role":"tool","tool_call_id":"toolu_2","content":[{"type":"text","text":"18C"}]}]}
            """);

        var messages = body["messages"]!.AsArray();
        Assert.Equal(3, messages.Count);
        AssertJsonEqual(JsonNode.Parse("""
            [{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
             {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{}}]
            """), messages[1]!["content"]);
        AssertJsonEqual(JsonNode.Parse("""
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"20C"},
              {"type":"tool_result","tool_use_id":"toolu_2","content":[{"type":"text","text":"18C"}]}]}
            """), messages[2]);
    }

    [Theory]
    [InlineData("\"auto\"", """{"type":"auto"}""")]
    [InlineData("\"required\"", """{"type":"any"}""")]
    [InlineData("\"none\"", """{"type":"none"}""")]
    [InlineData("""{"type":"function","function":{"name":"get_weather"}}""", """{"type":"tool","name":"get_weather"}""")]
    public void Translate_ToolChoice_MappedToAnthropicShape(string openAi, string anthropic)
    {
        var request = (JsonObject)JsonNode.Parse("""
            {"model":"m","messages":[{"role":"user","content":"hi"}],
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{}}}}]}
            """)!;
        request["tool_choice"] = JsonNode.Parse(openAi);

        var body = AnthropicRequestTranslator.Translate(request, dropParams: false);

        AssertJsonEqual(JsonNode.Parse(anthropic), body["tool_choice"]);
    }

    [Fact]
    public void Translate_ParallelToolCallsFalse_DisablesParallelToolUse()
    {
        var body = Translate("""
            {"model":"m","messages":[{"role":"user","content":"hi"}],"parallel_tool_calls":false,
             "tools":[{"type":"function","function":{"name":"f"}}]}
            """);

        AssertJsonEqual(JsonNode.Parse("""{"type":"auto","disable_parallel_tool_use":true}"""), body["tool_choice"]);
        AssertJsonEqual(JsonNode.Parse("""[{"name":"f","input_schema":{"type":"object","properties":{}}}]"""), body["tools"]);
    }

    [Fact]
    public void Translate_ResponseFormatJsonSchema_ForcesJsonToolCall()
    {
        var body = Translate("""
            {"model":"m","messages":[{"role":"user","content":"hi"}],
             "response_format":{"type":"json_schema","json_schema":{"name":"person","schema":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}}}}
            """);

        Assert.Equal("json_tool_call", body["tools"]![0]!["name"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}"""), body["tools"]![0]!["input_schema"]);
        AssertJsonEqual(JsonNode.Parse("""{"type":"tool","name":"json_tool_call"}"""), body["tool_choice"]);
        Assert.Null(body["response_format"]);
    }

    [Theory]
    [InlineData("low", 1024)]
    [InlineData("medium", 2048)]
    [InlineData("high", 4096)]
    public void Translate_ReasoningEffort_BecomesThinkingBudget(string effort, int budget)
    {
        var body = Translate($$"""{"model":"m","messages":[{"role":"user","content":"hi"}],"reasoning_effort":"{{effort}}"}""");

        AssertJsonEqual(new JsonObject { ["type"] = "enabled", ["budget_tokens"] = budget }, body["thinking"]);
        Assert.True(body["max_tokens"]!.GetValue<long>() > budget);
        Assert.Null(body["reasoning_effort"]);
    }

    [Fact]
    public void Translate_UnsupportedOpenAIParam_Throws400UnsupportedParamsError()
    {
        var error = Assert.Throws<ProviderException>(() =>
            Translate("""{"model":"claude-x","messages":[{"role":"user","content":"hi"}],"frequency_penalty":0.5,"seed":1}"""));

        Assert.Equal(LiteLLMErrorKind.UnsupportedParamsError, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("frequency_penalty", error.Param);
        Assert.StartsWith("litellm.UnsupportedParamsError: AnthropicException - anthropic does not support parameters: ['frequency_penalty', 'seed']",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_UnsupportedParamWithDropParams_Dropped()
    {
        var body = Translate("""{"model":"m","messages":[{"role":"user","content":"hi"}],"frequency_penalty":0.5,"logprobs":true}""", dropParams: true);

        Assert.Null(body["frequency_penalty"]);
        Assert.Null(body["logprobs"]);
    }

    [Fact]
    public void Translate_NullValuedParams_TreatedAsAbsent()
    {
        var body = Translate("""{"model":"m","messages":[{"role":"user","content":"hi"}],"frequency_penalty":null,"tools":null,"temperature":null}""");

        Assert.Null(body["tools"]);
        Assert.False(body.ContainsKey("temperature"));
    }

    [Fact]
    public void Translate_ProviderSpecificParam_PassedThrough()
    {
        var body = Translate("""{"model":"m","messages":[{"role":"user","content":"hi"}],"container":"container_011"}""");

        Assert.Equal("container_011", body["container"]!.GetValue<string>());
    }

    [Fact]
    public void Translate_AssistantThinkingBlocks_SentBackFirst()
    {
        var body = Translate("""
            {"model":"m","messages":[{"role":"user","content":"hi"},
              {"role":"assistant","content":"answer","thinking_blocks":[{"type":"thinking","thinking":"hmm","signature":"sig"}]},
              {"role":"user","content":"more"}]}
            """);

        AssertJsonEqual(JsonNode.Parse("""[{"type":"thinking","thinking":"hmm","signature":"sig"},{"type":"text","text":"answer"}]"""),
            body["messages"]![1]!["content"]);
    }

    [Fact]
    public void Translate_PdfFilePart_BecomesDocumentBlock()
    {
        var body = Translate("""
            {"model":"m","messages":[{"role":"user","content":[{"type":"file","file":{"file_data":"data:application/pdf;base64,JVBERi0x"}},{"type":"text","text":"Summarise"}]}]}
            """);

        AssertJsonEqual(JsonNode.Parse("""{"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0x"}}"""),
            body["messages"]![0]!["content"]![0]);
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[]}""")]
    [InlineData("""{"model":"m"}""")]
    [InlineData("""{"model":"m","messages":[{"role":"wizard","content":"hi"}]}""")]
    public void Translate_UnusableMessages_Throws400(string json)
    {
        var error = Assert.Throws<ProviderException>(() => Translate(json));

        Assert.Equal(400, error.StatusCode);
    }
}
