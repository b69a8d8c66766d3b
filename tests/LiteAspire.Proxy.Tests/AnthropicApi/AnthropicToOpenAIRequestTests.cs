using System.Text.Json.Nodes;

using LiteAspire.Proxy.AnthropicApi;

using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.AnthropicApi;

public class AnthropicToOpenAIRequestTests
{
    private static JsonObject Translate(string json) => AnthropicToOpenAIRequest.Translate((JsonObject)JsonNode.Parse(json)!);

    [Fact]
    public void Translate_DocsBasicRequest_IsOpenAIChatRequest()
    {
        var openAi = AnthropicToOpenAIRequest.Translate(Api("anthropic-basic-request.json"));

        AssertJsonEqual(JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":1024,"messages":[{"role":"user","content":"Hello, world"}]}
            """), openAi);
    }

    [Fact]
    public void Translate_DocsToolUseRequest_ToolsBecomeFunctions()
    {
        var openAi = AnthropicToOpenAIRequest.Translate(Provider("tool-use-request.json"));

        AssertJsonEqual(JsonNode.Parse("""
            [{"type":"function","function":{"name":"get_weather","description":"Get the current weather in a given location",
              "parameters":{"type":"object","properties":{"location":{"type":"string","description":"The city and state, e.g. San Francisco, CA"}},"required":["location"]}}}]
            """), openAi["tools"]);
        AssertJsonEqual(JsonNode.Parse("""[{"role":"user","content":"What is the weather like in San Francisco?"}]"""), openAi["messages"]);
    }

    [Fact]
    public void Translate_DocsToolResultConversation_ToolUseBecomesToolCallsAndResultsToolMessages()
    {
        var openAi = AnthropicToOpenAIRequest.Translate(Provider("tool-result-request.json"));

        var messages = openAi["messages"]!.AsArray();
        Assert.Equal(3, messages.Count);
        var assistant = messages[1]!;
        Assert.Equal("assistant", assistant["role"]!.GetValue<string>());
        Assert.Equal("I'll check the current weather in San Francisco for you.", assistant["content"]!.GetValue<string>());
        var call = Assert.Single(assistant["tool_calls"]!.AsArray())!;
        Assert.Equal("toolu_01A09q90qw90lq917835lq9", call["id"]!.GetValue<string>());
        Assert.Equal("get_weather", call["function"]!["name"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"location":"San Francisco, CA"}"""), JsonNode.Parse(call["function"]!["arguments"]!.GetValue<string>()));
        AssertJsonEqual(JsonNode.Parse("""{"role":"tool","tool_call_id":"toolu_01A09q90qw90lq917835lq9","content":"15 degrees"}"""), messages[2]);
    }

    [Fact]
    public void Translate_DocsVisionRequest_ImagesBecomeImageUrlParts()
    {
        var openAi = AnthropicToOpenAIRequest.Translate(Provider("vision-request.json"));

        AssertJsonEqual(JsonNode.Parse("""
            [{"role":"system","content":"You describe images briefly."},
             {"role":"user","content":[
               {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRg=="}},
               {"type":"image_url","image_url":{"url":"https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg"}},
               {"type":"text","text":"Describe this image."}]}]
            """), openAi["messages"]);
    }

    [Fact]
    public void Translate_SystemBlocksWithCacheControl_SystemMessageKeepsParts()
    {
        var openAi = AnthropicToOpenAIRequest.Translate(Provider("prompt-caching-request.json"));

        var system = openAi["messages"]![0]!;
        Assert.Equal("system", system["role"]!.GetValue<string>());
        var parts = system["content"]!.AsArray();
        Assert.Equal(2, parts.Count);
        AssertJsonEqual(JsonNode.Parse("""{"type":"ephemeral"}"""), parts[1]!["cache_control"]);
    }

    [Fact]
    public void Translate_ParamsAndStream_MappedToOpenAINames()
    {
        var openAi = Translate("""
            {"model":"claude","max_tokens":50,"messages":[{"role":"user","content":"hi"}],"stop_sequences":["END"],"temperature":0.5,
             "top_p":0.8,"top_k":20,"stream":true,"metadata":{"user_id":"user-42"},"thinking":{"type":"enabled","budget_tokens":2000}}
            """);

        AssertJsonEqual(JsonNode.Parse("""
            {"model":"claude","max_tokens":50,"messages":[{"role":"user","content":"hi"}],"stop":["END"],"temperature":0.5,"top_p":0.8,
             "top_k":20,"stream":true,"stream_options":{"include_usage":true},"user":"user-42","thinking":{"type":"enabled","budget_tokens":2000}}
            """), openAi);
    }

    [Theory]
    [InlineData("""{"type":"auto"}""", "\"auto\"")]
    [InlineData("""{"type":"any"}""", "\"required\"")]
    [InlineData("""{"type":"none"}""", "\"none\"")]
    [InlineData("""{"type":"tool","name":"get_weather"}""", """{"type":"function","function":{"name":"get_weather"}}""")]
    public void Translate_ToolChoice_MappedToOpenAIShape(string anthropic, string openAi)
    {
        var request = (JsonObject)JsonNode.Parse("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""")!;
        request["tool_choice"] = JsonNode.Parse(anthropic);

        AssertJsonEqual(JsonNode.Parse(openAi), AnthropicToOpenAIRequest.Translate(request)["tool_choice"]);
    }

    [Fact]
    public void Translate_DisableParallelToolUse_ParallelToolCallsFalse()
    {
        var openAi = Translate("""{"model":"m","messages":[{"role":"user","content":"hi"}],"tool_choice":{"type":"auto","disable_parallel_tool_use":true}}""");

        Assert.False(openAi["parallel_tool_calls"]!.GetValue<bool>());
    }

    [Fact]
    public void Translate_ToolResultWithTextAfter_ToolMessageFirstThenUserMessage()
    {
        var openAi = Translate("""
            {"model":"m","messages":[{"role":"user","content":"q"},
              {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"f","input":{}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"r1"},{"type":"text","text":"r2"}]},
                                        {"type":"text","text":"thanks"}]}]}
            """);

        var messages = openAi["messages"]!.AsArray();
        Assert.Null(messages[1]!["content"]);
        AssertJsonEqual(JsonNode.Parse("""{"role":"tool","tool_call_id":"toolu_1","content":"r1\nr2"}"""), messages[2]);
        AssertJsonEqual(JsonNode.Parse("""{"role":"user","content":"thanks"}"""), messages[3]);
    }

    [Fact]
    public void Translate_ToolResultIsError_SaidInTheText()
    {
        var openAi = Translate("""
            {"model":"m","messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"timeout","is_error":true}]}]}
            """);

        Assert.Equal("Error: timeout", openAi["messages"]![0]!["content"]!.GetValue<string>());
    }

    [Fact]
    public void Translate_AssistantThinking_ReasoningContentAndThinkingBlocks()
    {
        var openAi = Translate("""
            {"model":"m","messages":[{"role":"user","content":"q"},
              {"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"sig"},{"type":"text","text":"a"}]}]}
            """);

        var assistant = openAi["messages"]![1]!;
        Assert.Equal("hmm", assistant["reasoning_content"]!.GetValue<string>());
        Assert.Equal("a", assistant["content"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""[{"type":"thinking","thinking":"hmm","signature":"sig"}]"""), assistant["thinking_blocks"]);
    }

    [Theory]
    [InlineData("""{"messages":[]}""")]
    [InlineData("""{"model":"m"}""")]
    [InlineData("""{"model":"m","messages":[{"role":"system","content":"x"}]}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":42}]}""")]
    public void Translate_InvalidRequest_ThrowsAnthropicRequestException(string json)
    {
        Assert.Throws<AnthropicRequestException>(() => Translate(json));
    }
}
