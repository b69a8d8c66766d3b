using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider.Tests.Support;

namespace LiteAspire.FakeProvider.Tests;

[Collection(FakeServerGroup.Name)]
public sealed class GoogleTests(FakeServerFixture fake)
{
    private static readonly (string, string) ApiKey = ("x-goog-api-key", "test-key");

    [Fact]
    public async Task GenerateContent_DocumentedRequest_ReturnsCandidateAndUsageMetadata()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1beta/models/gemini-2.0-flash:generateContent", Fixtures.Read("gemini-generate.json"), ApiKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var candidate = body["candidates"]![0]!;
        Assert.Equal("model", candidate["content"]!["role"]!.GetValue<string>());
        Assert.Equal("This is a fake response to: Write a story about a magic backpack.", candidate["content"]!["parts"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("STOP", candidate["finishReason"]!.GetValue<string>());
        // System (33) + user (37) characters = 70: 18 tokens.
        Assert.Equal(18, body["usageMetadata"]!["promptTokenCount"]!.GetValue<int>());
        Assert.Equal(13, body["usageMetadata"]!["candidatesTokenCount"]!.GetValue<int>());
        Assert.Equal(31, body["usageMetadata"]!["totalTokenCount"]!.GetValue<int>());
        Assert.Equal("gemini-2.0-flash", body["modelVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenerateContent_KeyInQuery_IsAccepted()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1beta/models/gemini-2.0-flash:generateContent?key=k", Fixtures.Read("gemini-generate.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GenerateContent_Tools_ReturnsFunctionCallPart()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1beta/models/gemini-2.0-flash:generateContent", Fixtures.Read("gemini-generate-tools.json"), ApiKey));

        var part = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["candidates"]![0]!["content"]!["parts"]![0]!;
        Assert.Equal("find_theaters", part["functionCall"]!["name"]!.GetValue<string>());
        Assert.Empty(part["functionCall"]!["args"]!.AsObject());
    }

    [Fact]
    public async Task StreamGenerateContent_AltSse_SendsCrlfDataEventsWithFinishAndUsageLast()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", Fixtures.Read("gemini-generate.json"), ApiKey));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\r\n\r\n", text, StringComparison.Ordinal);
        var chunks = SseText.Parse(text).Select(e => JsonNode.Parse(e.Data)!).ToList();
        Assert.True(chunks.Count > 1);
        Assert.Equal("This is a fake response to: Write a story about a magic backpack.",
            string.Concat(chunks.Select(c => c["candidates"]![0]!["content"]!["parts"]![0]!["text"]!.GetValue<string>())));
        Assert.All(chunks.SkipLast(1), c => Assert.Null(c["candidates"]![0]!["finishReason"]));
        Assert.Equal("STOP", chunks[^1]["candidates"]![0]!["finishReason"]!.GetValue<string>());
        Assert.Equal(13, chunks[^1]["usageMetadata"]!["candidatesTokenCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task StreamGenerateContent_WithoutAlt_ReturnsJsonArray()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1beta/models/gemini-2.0-flash:streamGenerateContent", Fixtures.Read("gemini-generate.json"), ApiKey));

        var array = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(13, array.Count);
    }

    [Fact]
    public async Task Vertex_GenerateContentWithBearer_ReturnsCandidate()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(
            "v1/projects/my-project/locations/us-central1/publishers/google/models/gemini-2.0-flash:generateContent",
            Fixtures.Read("gemini-generate.json"), ("Authorization", "Bearer ya29.token")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["candidates"]![0]!["content"]);
    }

    [Fact]
    public async Task Vertex_WithoutCredentials_Returns401InGoogleShape()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(
            "v1/projects/p/locations/l/publishers/google/models/gemini-2.0-flash:generateContent", Fixtures.Read("gemini-generate.json")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(401, error["code"]!.GetValue<int>());
        Assert.Equal("UNAUTHENTICATED", error["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task BatchEmbedContents_TwoRequests_ReturnsValuesOfRequestedSize()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1beta/models/text-embedding-004:batchEmbedContents", Fixtures.Read("gemini-batch-embed.json"), ApiKey));

        var embeddings = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["embeddings"]!.AsArray();
        Assert.Equal(8, embeddings[0]!["values"]!.AsArray().Count);
        Assert.Equal(16, embeddings[1]!["values"]!.AsArray().Count);
    }

    [Fact]
    public async Task Token_JwtBearerGrant_ReturnsAccessToken()
    {
        using var form = new FormUrlEncodedContent([new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), new("assertion", "a.b.c")]);

        using var response = await fake.Client.PostAsync("token", form);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrEmpty(body["access_token"]!.GetValue<string>()));
        Assert.Equal(3599, body["expires_in"]!.GetValue<int>());
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
    }
}
