using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Gemini;
using static LiteAspire.Proxy.Tests.Providers.Gemini.GoogleTestData;

namespace LiteAspire.Proxy.Tests.Providers.Gemini;

public class GeminiResponseTests
{
    private static readonly ChatCall TextCall = Call("""{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Explain how AI works in a few words"}]}""");

    [Fact]
    public void Translate_DocumentedTextResponse_BecomesChatCompletion()
    {
        var completion = GeminiResponse.Translate(FixtureJson("generate-content.response.json"), TextCall, "gemini");

        Assert.Equal("chat.completion", completion["object"]!.GetValue<string>());
        Assert.Equal("nFT4aNOfKsGZ1dkP5YeA4Qk", completion["id"]!.GetValue<string>());
        Assert.Equal("gemini-2.5-flash", completion["model"]!.GetValue<string>());
        var choice = completion["choices"]!.AsArray().Single()!;
        Assert.Equal(0, choice["index"]!.GetValue<int>());
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"role":"assistant","content":"AI learns patterns from data to make predictions or decisions."}""")!, choice["message"]);
        AssertJsonEqual(JsonNode.Parse("""{"prompt_tokens":8,"completion_tokens":12,"total_tokens":20}""")!, completion["usage"]);
    }

    [Fact]
    public void Translate_DocumentedFunctionCall_BecomesToolCallsWithGeneratedIds()
    {
        var completion = GeminiResponse.Translate(FixtureJson("function-calling.response.json"), TextCall, "gemini");

        var choice = completion["choices"]![0]!;
        Assert.Equal("tool_calls", choice["finish_reason"]!.GetValue<string>());
        Assert.Null(choice["message"]!["content"]);
        var toolCall = choice["message"]!["tool_calls"]!.AsArray().Single()!;
        Assert.StartsWith("call_", toolCall["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("function", toolCall["type"]!.GetValue<string>());
        Assert.Equal("schedule_meeting", toolCall["function"]!["name"]!.GetValue<string>());
        AssertJsonEqual(JsonNode.Parse("""{"attendees":["Bob","Alice"],"date":"2025-03-27","time":"10:00","topic":"Q3 planning"}""")!,
            JsonNode.Parse(toolCall["function"]!["arguments"]!.GetValue<string>()));
    }

    [Fact]
    public void Translate_ThoughtParts_BecomeReasoningContentAndReasoningTokens()
    {
        var completion = GeminiResponse.Translate(FixtureJson("thinking.response.json"), TextCall, "gemini");

        var message = completion["choices"]![0]!["message"]!;
        Assert.Equal("The smallest prime number greater than 10 is 11.", message["content"]!.GetValue<string>());
        Assert.StartsWith("**Comparing prime numbers**", message["reasoning_content"]!.GetValue<string>(), StringComparison.Ordinal);
        // Thought tokens are billed as output: completion_tokens = candidates (13) + thoughts (1075).
        AssertJsonEqual(JsonNode.Parse("""
            {"prompt_tokens":12,"completion_tokens":1088,"total_tokens":1100,
             "prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":1075}}
            """)!, completion["usage"]);
    }

    [Fact]
    public void Translate_BlockedPrompt_ReturnsContentFilterChoice()
    {
        var completion = GeminiResponse.Translate(FixtureJson("prompt-blocked.response.json"), TextCall, "gemini");

        var choice = completion["choices"]!.AsArray().Single()!;
        Assert.Equal("content_filter", choice["finish_reason"]!.GetValue<string>());
        Assert.Null(choice["message"]!["content"]);
    }

    [Theory]
    [InlineData("MAX_TOKENS", "length")]
    [InlineData("SAFETY", "content_filter")]
    [InlineData("RECITATION", "content_filter")]
    [InlineData("STOP", "stop")]
    public void Translate_FinishReason_IsMapped(string geminiReason, string openAIReason)
    {
        var body = JsonNode.Parse($$"""{"candidates":[{"content":{"role":"model","parts":[{"text":"x"}]},"finishReason":"{{geminiReason}}"}]}""")!;

        var completion = GeminiResponse.Translate(body, TextCall, "gemini");

        Assert.Equal(openAIReason, completion["choices"]![0]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public void Translate_TwoCandidates_BecomeTwoChoices()
    {
        var body = JsonNode.Parse("""
            {"candidates":[{"content":{"role":"model","parts":[{"text":"first"}]},"finishReason":"STOP","index":0},
                           {"content":{"role":"model","parts":[{"text":"second"}]},"finishReason":"MAX_TOKENS","index":1}]}
            """)!;

        var choices = GeminiResponse.Translate(body, TextCall, "gemini")["choices"]!.AsArray();

        Assert.Equal(2, choices.Count);
        Assert.Equal("second", choices[1]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal(1, choices[1]!["index"]!.GetValue<int>());
        Assert.Equal("length", choices[1]!["finish_reason"]!.GetValue<string>());
    }

    [Fact]
    public void Translate_LogprobsResult_BecomesOpenAILogprobs()
    {
        var body = JsonNode.Parse("""
            {"candidates":[{"content":{"role":"model","parts":[{"text":"Hi"}]},"finishReason":"STOP",
              "logprobsResult":{"topCandidates":[{"candidates":[{"token":"Hi","logProbability":-0.1},{"token":"Hello","logProbability":-2.5}]}],
                                "chosenCandidates":[{"token":"Hi","logProbability":-0.1}]}}]}
            """)!;

        var logprobs = GeminiResponse.Translate(body, TextCall, "gemini")["choices"]![0]!["logprobs"];

        AssertJsonEqual(JsonNode.Parse("""
            {"content":[{"token":"Hi","logprob":-0.1,"bytes":null,"top_logprobs":[
              {"token":"Hi","logprob":-0.1,"bytes":null},{"token":"Hello","logprob":-2.5,"bytes":null}]}]}
            """)!, logprobs);
    }
}
