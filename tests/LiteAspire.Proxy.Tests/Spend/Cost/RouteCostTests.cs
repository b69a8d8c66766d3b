using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Tests.Endpoints;

namespace LiteAspire.Proxy.Tests.Spend.Cost;

/// <summary>The cost header on every non-streaming route, priced by hand from model_prices.json.</summary>
[Collection(CostProxy.Name)]
public sealed class RouteCostTests(CostFixture fixture)
{
    private static decimal CostHeader(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return decimal.Parse(response.Header("x-litellm-response-cost")!, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Messages_AnthropicApiInFront_CostHeader()
    {
        var body = new JsonObject
        {
            ["model"] = "cost-anthropic",
            ["max_tokens"] = 100,
            ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = "Hi [fake-usage prompt=2000 completion=500 cache_read=1200]" } },
        };

        using var response = await fixture.Client.PostJsonAsync("/v1/messages", body);

        // claude-sonnet-4-5: input 3/M, cache read 0.30/M, output 15/M.
        Assert.Equal((800 * 3e-6m) + (1200 * 0.3e-6m) + (500 * 15e-6m), CostHeader(response));
    }

    [Theory]
    // gpt-3.5-turbo-instruct, passed through: input 1.50/M, output 2/M.
    [InlineData("cost-instruct", "0.004")]
    // Bridged through chat to claude-sonnet-4-5 (input 3/M, output 15/M) and gemini-2.5-flash (input 0.30/M, output 2.50/M).
    [InlineData("cost-anthropic", "0.0135")]
    [InlineData("cost-gemini", "0.00185")]
    public async Task Completions_PassedThroughOrBridged_CostHeader(string model, string expected)
    {
        var body = new JsonObject { ["model"] = model, ["prompt"] = "Say hi [fake-usage prompt=2000 completion=500]" };

        using var response = await fixture.Client.PostJsonAsync("/v1/completions", body);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), CostHeader(response));
    }

    [Theory]
    // "hello world!" is 12 characters: the fake counts ceil(12 / 4) = 3 tokens.
    [InlineData("cost-embed-openai", "0.00000006")] // text-embedding-3-small: 3 × 0.02/M
    [InlineData("cost-embed-cohere", "0.0000003")] // embed-english-v3.0: 3 × 0.10/M
    [InlineData("cost-embed-bedrock", "0.00000006")] // amazon.titan-embed-text-v2:0: 3 × 0.02/M
    public async Task Embeddings_InputTokens_CostHeader(string model, string expected)
    {
        using var response = await fixture.Client.PostJsonAsync("/v1/embeddings", new JsonObject { ["model"] = model, ["input"] = "hello world!" });

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), CostHeader(response));
    }

    [Fact]
    public async Task Images_PerImageGenerated()
    {
        using var response = await fixture.Client.PostJsonAsync("/v1/images/generations",
            new JsonObject { ["model"] = "cost-images", ["prompt"] = "a cat", ["n"] = 2 });

        // dall-e-3: 0.04 per image.
        Assert.Equal(2 * 0.04m, CostHeader(response));
    }

    [Fact]
    public async Task Speech_PerInputCharacter()
    {
        using var response = await fixture.Client.PostJsonAsync("/v1/audio/speech",
            new JsonObject { ["model"] = "cost-speech", ["input"] = "Hello there, world.", ["voice"] = "alloy" });

        // tts-1: 15/M characters, 19 characters.
        Assert.Equal(19 * 15e-6m, CostHeader(response));
        Assert.Equal(19 * 15e-6m, fixture.Charged["cost-speech"]);
    }

    [Theory]
    [InlineData("verbose_json")]
    [InlineData("json")]
    public async Task Transcription_PerSecondOfAudio(string format)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("cost-transcription"), "model" },
            { new StringContent(format), "response_format" },
            // The fake hears 16000 bytes a second: 2 seconds (verbose_json's duration, or json's usage in seconds).
            { new ByteArrayContent(new byte[32000]), "file", "speech.wav" },
        };

        using var response = await fixture.Client.PostAsync(new Uri("/v1/audio/transcriptions", UriKind.Relative), form);

        // whisper-1: 0.006 a minute = 0.0001 a second.
        Assert.Equal(2 * 0.0001m, CostHeader(response));
    }

    [Fact]
    public async Task UnpricedModel_CostHeaderZero()
    {
        using var response = await fixture.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("cost-unpriced"));

        Assert.Equal("0.0", response.Header("x-litellm-response-cost"));
        Assert.Equal(0m, fixture.Charged["cost-unpriced"]);
    }
}
