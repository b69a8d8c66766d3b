using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider.Tests.Support;

namespace LiteAspire.FakeProvider.Tests;

[Collection(FakeServerGroup.Name)]
public sealed class CohereTests(FakeServerFixture fake)
{
    private static readonly (string, string) Bearer = ("Authorization", "Bearer co-key");

    [Fact]
    public async Task Chat_DocumentedRequest_ReturnsMessageFinishReasonAndUsage()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v2/chat", Fixtures.Read("cohere-chat.json"), Bearer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("COMPLETE", body["finish_reason"]!.GetValue<string>());
        Assert.Equal("assistant", body["message"]!["role"]!.GetValue<string>());
        Assert.Equal("text", body["message"]!["content"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("This is a fake response to: Tell me about LLMs", body["message"]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(5, body["usage"]!["billed_units"]!["input_tokens"]!.GetValue<int>());
        Assert.Equal(10, body["usage"]!["tokens"]!["output_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Chat_Tools_ReturnsToolPlanAndToolCalls()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v2/chat", Fixtures.Read("cohere-chat-tools.json"), Bearer));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("TOOL_CALL", body["finish_reason"]!.GetValue<string>());
        Assert.NotNull(body["message"]!["tool_plan"]);
        Assert.Equal("get_weather", body["message"]!["tool_calls"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal("{}", body["message"]!["tool_calls"]![0]!["function"]!["arguments"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_Stream_SendsDocumentedEventOrder()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v2/chat", Fixtures.With("cohere-chat.json", "stream", true), Bearer));

        var events = SseText.Parse(await response.Content.ReadAsStringAsync());
        var names = events.Select(e => e.Event).ToList();
        Assert.Equal(["message-start", "content-start"], names.Take(2));
        Assert.Equal(["content-end", "message-end"], names.TakeLast(2));
        Assert.All(names.Skip(2).SkipLast(2), n => Assert.Equal("content-delta", n));
        Assert.All(events, e => Assert.Equal(e.Event, JsonNode.Parse(e.Data)!["type"]!.GetValue<string>()));
        var text = string.Concat(events.Where(e => e.Event == "content-delta")
            .Select(e => JsonNode.Parse(e.Data)!["delta"]!["message"]!["content"]!["text"]!.GetValue<string>()));
        Assert.Equal("This is a fake response to: Tell me about LLMs", text);
        var end = JsonNode.Parse(events[^1].Data)!["delta"]!;
        Assert.Equal("COMPLETE", end["finish_reason"]!.GetValue<string>());
        Assert.Equal(10, end["usage"]!["billed_units"]!["output_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Chat_StreamTools_SendsToolCallEvents()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v2/chat", Fixtures.With("cohere-chat-tools.json", "stream", true), Bearer));

        var names = SseText.Parse(await response.Content.ReadAsStringAsync()).Select(e => e.Event).ToList();
        Assert.Equal(["message-start", "tool-plan-delta", "tool-call-start", "tool-call-delta", "tool-call-end", "message-end"], names);
    }

    [Fact]
    public async Task Chat_WithoutKey_Returns401WithMessage()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v2/chat", Fixtures.Read("cohere-chat.json")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);
    }

    [Fact]
    public async Task Embed_Texts_ReturnsFloatEmbeddingsByType()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v2/embed",
            """{"model":"embed-v4.0","texts":["hello","goodbye"],"input_type":"classification","embedding_types":["float"]}""", Bearer));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("embeddings_by_type", body["response_type"]!.GetValue<string>());
        Assert.Equal(2, body["embeddings"]!["float"]!.AsArray().Count);
        Assert.Equal(3, body["meta"]!["billed_units"]!["input_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rerank_Documents_ReturnsResultsWithIndexAndScore()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v2/rerank",
            """{"model":"rerank-v3.5","query":"capital","documents":["Paris is the capital of France.","Bananas are yellow."]}""", Bearer));

        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]!.AsArray();
        Assert.Equal(0, results[0]!["index"]!.GetValue<int>());
        Assert.Equal(2, results.Count);
    }
}
