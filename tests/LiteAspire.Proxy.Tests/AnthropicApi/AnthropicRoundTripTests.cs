using System.Text.Json.Nodes;

using LiteAspire.Proxy.AnthropicApi;
using LiteAspire.Proxy.Providers.Anthropic;

using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.AnthropicApi;

/// <summary>/v1/messages routed to an anthropic/ deployment: Anthropic → OpenAI → Anthropic must not lose what the client sent.</summary>
public class AnthropicRoundTripTests
{
    private static JsonObject RoundTrip(JsonObject anthropicRequest) =>
        AnthropicRequestTranslator.Translate(AnthropicToOpenAIRequest.Translate(anthropicRequest), dropParams: false);

    [Theory]
    [InlineData("tool-use-request.json")]
    [InlineData("tool-result-request.json")]
    [InlineData("vision-request.json")]
    [InlineData("prompt-caching-request.json")]
    [InlineData("messages-basic-request.json")]
    public void RoundTrip_DocsRequests_AdapterRequestEqualsTheOriginal(string fixture)
    {
        var original = Provider(fixture);

        AssertJsonEqual(original, RoundTrip(Provider(fixture)));
    }

    [Fact]
    public void RoundTrip_ToolChoiceParamsAndThinking_Preserved()
    {
        var original = (JsonObject)JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":8000,"system":"Be brief.","temperature":1,"top_k":5,"stop_sequences":["###"],
             "metadata":{"user_id":"user-7"},"thinking":{"type":"enabled","budget_tokens":2048},
             "tools":[{"name":"f","description":"d","input_schema":{"type":"object","properties":{"a":{"type":"integer"}}},"cache_control":{"type":"ephemeral"}}],
             "tool_choice":{"type":"tool","name":"f","disable_parallel_tool_use":true},
             "messages":[{"role":"user","content":[{"type":"text","text":"go"}]}]}
            """)!;

        AssertJsonEqual(original, RoundTrip((JsonObject)original.DeepClone()));
    }

    [Fact]
    public void RoundTrip_AnthropicResponseThroughAdapterAndBack_SameContentStopReasonAndUsage()
    {
        var adapter = new AnthropicChatAdapter(_ => null);
        var upstream = Provider("tool-use-response.json");
        var call = Call(Provider("openai-tool-request.json"));

        var message = OpenAIToAnthropicResponse.Translate(adapter.ReadResponse(upstream, call));

        Assert.Equal(upstream["id"]!.GetValue<string>(), message["id"]!.GetValue<string>());
        AssertJsonEqual(upstream["content"], message["content"]);
        Assert.Equal("tool_use", message["stop_reason"]!.GetValue<string>());
        Assert.Equal(384, message["usage"]!["input_tokens"]!.GetValue<long>());
        Assert.Equal(67, message["usage"]!["output_tokens"]!.GetValue<long>());
    }

    [Fact]
    public void RoundTrip_CachedUsage_InputTokensRecovered()
    {
        var adapter = new AnthropicChatAdapter(_ => null);
        var upstream = Provider("prompt-caching-response.json");

        var message = OpenAIToAnthropicResponse.Translate(adapter.ReadResponse(upstream, Call(Provider("openai-basic-request.json"))));

        AssertJsonEqual(upstream["usage"], message["usage"]);
    }

    [Fact]
    public async Task RoundTrip_DocsToolUseStreamThroughAdapterAndBack_SameBlocksStopReasonAndUsage()
    {
        var adapter = new AnthropicChatAdapter(_ => null);
        var chunks = adapter.ReadStreamAsync(Stream("stream-tool-use.txt"), Call(Provider("openai-tool-request.json")), CancellationToken.None);

        var events = new List<AnthropicSseEvent>();
        await foreach (var e in OpenAIChunksToAnthropicEvents.TranslateAsync(chunks, "claude-opus-4-1", CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal("msg_014p7gG3wDgGV9EUtLvnow3U", events[0].Data["message"]!["id"]!.GetValue<string>());
        var starts = events.Where(e => e.Name == "content_block_start").Select(e => e.Data["content_block"]!).ToList();
        AssertJsonEqual(JsonNode.Parse("""{"type":"text","text":""}"""), starts[0]);
        AssertJsonEqual(JsonNode.Parse("""{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}"""), starts[1]);
        var deltas = events.Where(e => e.Name == "content_block_delta").Select(e => e.Data).ToList();
        Assert.Equal("Okay,  let's check the weather for San Francisco, CA:",
            string.Concat(deltas.Where(d => d["index"]!.GetValue<int>() == 0).Select(d => d["delta"]!["text"]!.GetValue<string>())));
        AssertJsonEqual(JsonNode.Parse("""{"location":"San Francisco, CA","unit":"fahrenheit"}"""), JsonNode.Parse(
            string.Concat(deltas.Where(d => d["index"]!.GetValue<int>() == 1).Select(d => d["delta"]!["partial_json"]!.GetValue<string>()))));
        var messageDelta = events.Single(e => e.Name == "message_delta").Data;
        Assert.Equal("tool_use", messageDelta["delta"]!["stop_reason"]!.GetValue<string>());
        Assert.Equal(472, messageDelta["usage"]!["input_tokens"]!.GetValue<long>());
        Assert.Equal(89, messageDelta["usage"]!["output_tokens"]!.GetValue<long>());
        Assert.Equal("message_stop", events[^1].Name);
    }
}
