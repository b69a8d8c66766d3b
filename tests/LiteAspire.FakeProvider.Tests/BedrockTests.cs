using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider.Tests.Support;
using LiteAspire.FakeProvider.Wire;

namespace LiteAspire.FakeProvider.Tests;

[Collection(FakeServerGroup.Name)]
public sealed class BedrockTests(FakeServerFixture fake)
{
    private static readonly (string, string) SigV4 = ("Authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc");

    private const string Model = "model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/";

    [Fact]
    public async Task Converse_DocumentedRequest_ReturnsOutputMessageStopReasonUsageMetrics()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(Model + "converse", Fixtures.Read("bedrock-converse.json"), SigV4));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("assistant", body["output"]!["message"]!["role"]!.GetValue<string>());
        Assert.Equal("This is a fake response to: Create a list of 3 pop songs.", body["output"]!["message"]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("end_turn", body["stopReason"]!.GetValue<string>());
        // System (58) + user (29) characters = 87: 22 tokens; 13 words.
        Assert.Equal(22, body["usage"]!["inputTokens"]!.GetValue<int>());
        Assert.Equal(13, body["usage"]!["outputTokens"]!.GetValue<int>());
        Assert.Equal(35, body["usage"]!["totalTokens"]!.GetValue<int>());
        Assert.NotNull(body["metrics"]!["latencyMs"]);
    }

    [Fact]
    public async Task Converse_Tools_ReturnsToolUseBlock()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(Model + "converse", Fixtures.Read("bedrock-converse-tools.json"), ("Authorization", "Bearer bedrock-api-key")));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var toolUse = body["output"]!["message"]!["content"]![0]!["toolUse"]!;
        Assert.Equal("top_song", toolUse["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(toolUse["toolUseId"]!.GetValue<string>()));
        Assert.Equal("tool_use", body["stopReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConverseStream_Request_SendsEventStreamFramesWithValidCrcsInDocumentedOrder()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(Model + "converse-stream", Fixtures.Read("bedrock-converse.json"), SigV4));

        Assert.Equal("application/vnd.amazon.eventstream", response.Content.Headers.ContentType?.MediaType);
        var messages = EventStreamReader.Decode(await response.Content.ReadAsByteArrayAsync());
        var types = messages.Select(m => m.Headers[":event-type"]).ToList();
        Assert.Equal("messageStart", types[0]);
        Assert.Equal(["contentBlockStop", "messageStop", "metadata"], types.TakeLast(3));
        Assert.All(types.Skip(1).SkipLast(3), t => Assert.Equal("contentBlockDelta", t));
        Assert.All(messages, m => Assert.Equal("event", m.Headers[":message-type"]));
        Assert.All(messages, m => Assert.Equal("application/json", m.Headers[":content-type"]));
        var text = string.Concat(messages.Where(m => m.Headers[":event-type"] == "contentBlockDelta")
            .Select(m => JsonNode.Parse(m.Payload)!["delta"]!["text"]!.GetValue<string>()));
        Assert.Equal("This is a fake response to: Create a list of 3 pop songs.", text);
        Assert.Equal("end_turn", JsonNode.Parse(messages[^2].Payload)!["stopReason"]!.GetValue<string>());
        Assert.Equal(13, JsonNode.Parse(messages[^1].Payload)!["usage"]!["outputTokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task ConverseStream_Tools_SendsToolUseStartAndInputDelta()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(Model + "converse-stream", Fixtures.Read("bedrock-converse-tools.json"), SigV4));

        var messages = EventStreamReader.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("contentBlockStart", messages[1].Headers[":event-type"]);
        Assert.Equal("top_song", JsonNode.Parse(messages[1].Payload)!["start"]!["toolUse"]!["name"]!.GetValue<string>());
        Assert.Equal("{}", JsonNode.Parse(messages[2].Payload)!["delta"]!["toolUse"]!["input"]!.GetValue<string>());
        Assert.Equal("tool_use", JsonNode.Parse(messages[^2].Payload)!["stopReason"]!.GetValue<string>());
    }

    [Fact]
    public void EventStreamEncoder_KnownFrame_HasPreludeAndMessageCrcs()
    {
        var frame = EventStreamEncoder.EncodeEvent("messageStop", """{"stopReason":"end_turn"}"""u8);

        var decoded = Assert.Single(EventStreamReader.Decode(frame));
        Assert.Equal("messageStop", decoded.Headers[":event-type"]);
        Assert.Equal("""{"stopReason":"end_turn"}""", decoded.Payload);
        frame[^10] ^= 0xFF;
        Assert.Throws<InvalidDataException>(() => EventStreamReader.Decode(frame));
    }

    [Fact]
    public void EventStreamEncoder_Exception_CarriesExceptionHeaders()
    {
        var frame = EventStreamEncoder.EncodeException("throttlingException", """{"message":"Too many requests"}"""u8);

        var decoded = Assert.Single(EventStreamReader.Decode(frame));
        Assert.Equal("exception", decoded.Headers[":message-type"]);
        Assert.Equal("throttlingException", decoded.Headers[":exception-type"]);
    }

    [Fact]
    public async Task Converse_WithoutAuthorization_Returns403WithErrorTypeHeader()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(Model + "converse", Fixtures.Read("bedrock-converse.json")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("AccessDeniedException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);
    }

    [Fact]
    public async Task InvokeTitanEmbedding_InputText_ReturnsEmbeddingAndTokenCount()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("model/amazon.titan-embed-text-v2%3A0/invoke", """{"inputText":"hello world","dimensions":256}""", SigV4));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(256, body["embedding"]!.AsArray().Count);
        Assert.Equal(3, body["inputTextTokenCount"]!.GetValue<int>());
    }
}
