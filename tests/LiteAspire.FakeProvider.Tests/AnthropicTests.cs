using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider.Tests.Support;

namespace LiteAspire.FakeProvider.Tests;

[Collection(FakeServerGroup.Name)]
public sealed class AnthropicTests(FakeServerFixture fake)
{
    private static readonly (string, string)[] Headers = [("x-api-key", "test-key"), ("anthropic-version", "2023-06-01")];

    [Fact]
    public async Task Messages_DocumentedRequest_ReturnsMessageWithTextAndUsage()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/messages", Fixtures.Read("anthropic-messages.json"), Headers));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("msg_", body["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("assistant", body["role"]!.GetValue<string>());
        Assert.Equal("claude-sonnet-4-20250514", body["model"]!.GetValue<string>());
        Assert.Equal("text", body["content"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("This is a fake response to: Hello, Claude", body["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("end_turn", body["stop_reason"]!.GetValue<string>());
        // "You are a helpful assistant." (28) + "Hello, Claude" (13) = 41 characters: 11 tokens.
        Assert.Equal(11, body["usage"]!["input_tokens"]!.GetValue<int>());
        Assert.Equal(8, body["usage"]!["output_tokens"]!.GetValue<int>());
        Assert.Equal("9999", response.Headers.GetValues("anthropic-ratelimit-requests-remaining").Single());
    }

    [Fact]
    public async Task Messages_Tools_ReturnsToolUseBlock()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/messages", Fixtures.Read("anthropic-messages-tools.json"), Headers));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var block = body["content"]![0]!;
        Assert.Equal("tool_use", block["type"]!.GetValue<string>());
        Assert.StartsWith("toolu_", block["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("get_weather", block["name"]!.GetValue<string>());
        Assert.Empty(block["input"]!.AsObject());
        Assert.Equal("tool_use", body["stop_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Messages_Stream_SendsDocumentedEventOrder()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/messages", Fixtures.With("anthropic-messages.json", "stream", true), Headers));

        var events = SseText.Parse(await response.Content.ReadAsStringAsync());
        var names = events.Select(e => e.Event).ToList();
        Assert.Equal(["message_start", "content_block_start", "ping"], names.Take(3));
        Assert.Equal(["content_block_stop", "message_delta", "message_stop"], names.TakeLast(3));
        Assert.All(names.Skip(3).SkipLast(3), n => Assert.Equal("content_block_delta", n));
        Assert.All(events, e => Assert.Equal(e.Event, JsonNode.Parse(e.Data)!["type"]!.GetValue<string>()));
        var text = string.Concat(events.Where(e => e.Event == "content_block_delta").Select(e => JsonNode.Parse(e.Data)!["delta"]!["text"]!.GetValue<string>()));
        Assert.Equal("This is a fake response to: Hello, Claude", text);
        Assert.Equal(11, JsonNode.Parse(events[0].Data)!["message"]!["usage"]!["input_tokens"]!.GetValue<int>());
        var delta = JsonNode.Parse(events[^2].Data)!;
        Assert.Equal("end_turn", delta["delta"]!["stop_reason"]!.GetValue<string>());
        Assert.Equal(8, delta["usage"]!["output_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Messages_StreamTools_SendsToolUseStartAndInputJsonDeltas()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/messages", Fixtures.With("anthropic-messages-tools.json", "stream", true), Headers));

        var events = SseText.Parse(await response.Content.ReadAsStringAsync()).Select(e => JsonNode.Parse(e.Data)!).ToList();
        Assert.Equal("tool_use", events[1]["content_block"]!["type"]!.GetValue<string>());
        Assert.Equal("get_weather", events[1]["content_block"]!["name"]!.GetValue<string>());
        var json = string.Concat(events.Where(e => e["type"]!.GetValue<string>() == "content_block_delta").Select(e =>
        {
            Assert.Equal("input_json_delta", e["delta"]!["type"]!.GetValue<string>());
            return e["delta"]!["partial_json"]!.GetValue<string>();
        }));
        Assert.Equal("{}", json);
        Assert.Equal("tool_use", events[^2]["delta"]!["stop_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Messages_WithoutApiKey_Returns401InAnthropicShape()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/messages", Fixtures.Read("anthropic-messages.json"), ("anthropic-version", "2023-06-01")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("error", body["type"]!.GetValue<string>());
        Assert.Equal("authentication_error", body["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Messages_BearerWithoutVersion_Returns400()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/messages", Fixtures.Read("anthropic-messages.json"), ("Authorization", "Bearer k")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Messages_WithoutMaxTokens_Returns400InvalidRequest()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/messages", Fixtures.With("anthropic-messages.json", "max_tokens", null), Headers));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["type"]!.GetValue<string>());
    }
}
