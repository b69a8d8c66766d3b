using System.Text.Json.Nodes;

using LiteAspire.Proxy.AnthropicApi;

using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.AnthropicApi;

public class OpenAIToAnthropicResponseTests
{
    [Fact]
    public void Translate_DocsChatCompletion_IsAnthropicMessage()
    {
        var message = OpenAIToAnthropicResponse.Translate(Api("openai-chat-completion.json"));

        AssertJsonEqual(JsonNode.Parse("""
            {"id":"msg_B9MBs8CjcvOU2jLn4n570S5qMJKcT","type":"message","role":"assistant","model":"gpt-4.1-2025-04-14",
             "content":[{"type":"text","text":"Hello! How can I assist you today?"}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":19,"output_tokens":10,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}
            """), message);
    }

    [Fact]
    public void Translate_DocsToolCallsCompletion_ToolUseBlocksWithParsedInput()
    {
        var message = OpenAIToAnthropicResponse.Translate(Api("openai-tool-calls-completion.json"));

        Assert.Equal("tool_use", message["stop_reason"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""
            [{"type":"tool_use","id":"call_abc123","name":"get_current_weather","input":{"location":"Boston, MA"}}]
            """), message["content"]);
        Assert.Equal(82, message["usage"]!["input_tokens"]!.GetValue<long>());
        Assert.Equal(17, message["usage"]!["output_tokens"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("stop", "end_turn")]
    [InlineData("length", "max_tokens")]
    [InlineData("tool_calls", "tool_use")]
    [InlineData("content_filter", "refusal")]
    [InlineData(null, "end_turn")]
    public void Translate_FinishReason_MappedToStopReason(string? finishReason, string stopReason)
    {
        var completion = Api("openai-chat-completion.json");
        completion["choices"]![0]!["finish_reason"] = finishReason;

        Assert.Equal(stopReason, OpenAIToAnthropicResponse.Translate(completion)["stop_reason"]!.GetValue<string>());
    }

    [Fact]
    public void Translate_CachedUsageFromAnthropicBackend_SplitBackIntoAnthropicFields()
    {
        var usage = JsonNode.Parse("""
            {"prompt_tokens":115,"completion_tokens":3,"total_tokens":118,"prompt_tokens_details":{"cached_tokens":100},
             "cache_creation_input_tokens":5,"cache_read_input_tokens":100}
            """);

        AssertJsonEqual(JsonNode.Parse("""{"input_tokens":10,"output_tokens":3,"cache_creation_input_tokens":5,"cache_read_input_tokens":100}"""),
            OpenAIToAnthropicResponse.Usage(usage));
    }

    [Fact]
    public void Translate_ReasoningContent_ThinkingBlockBeforeText()
    {
        var completion = Api("openai-chat-completion.json");
        completion["choices"]![0]!["message"]!["reasoning_content"] = "thinking hard";

        var content = OpenAIToAnthropicResponse.Translate(completion)["content"]!.AsArray();

        Assert.Equal("thinking", content[0]!["type"]!.GetValue<string>());
        Assert.Equal("thinking hard", content[0]!["thinking"]!.GetValue<string>());
        Assert.Equal("text", content[1]!["type"]!.GetValue<string>());
    }
}
