using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Tests.Spend.Cost;

public sealed class PriceTableTests
{
    [Theory]
    // One model per provider adapter and route.
    [InlineData("gpt-4o-mini", "chat")]
    [InlineData("azure/gpt-4o", "chat")]
    [InlineData("claude-sonnet-4-5", "chat")]
    [InlineData("gemini/gemini-2.5-flash", "chat")]
    [InlineData("gemini-2.5-pro", "chat")]
    [InlineData("anthropic.claude-sonnet-4-5-20250929-v1:0", "chat")]
    [InlineData("command-r-plus", "chat")]
    [InlineData("ollama/llama3.1", "chat")]
    [InlineData("groq/llama-3.3-70b-versatile", "chat")]
    [InlineData("mistral/mistral-large-latest", "chat")]
    [InlineData("deepseek/deepseek-chat", "chat")]
    [InlineData("gpt-3.5-turbo-instruct", "completion")]
    [InlineData("text-embedding-3-small", "embedding")]
    [InlineData("amazon.titan-embed-text-v2:0", "embedding")]
    [InlineData("dall-e-3", "image_generation")]
    [InlineData("whisper-1", "audio_transcription")]
    [InlineData("tts-1", "audio_speech")]
    public void Shipped_CoversEveryAdapter(string model, string mode)
    {
        Assert.NotNull(ModelPriceTable.Shipped.Find(model));
        Assert.Equal(mode, ModelPriceTable.Shipped.ModeOf(model));
    }

    [Fact]
    public void Shipped_EveryTokenModelHasInputAndOutputPrices()
    {
        foreach (var model in ModelPriceTable.Shipped.Models)
        {
            var prices = ModelPriceTable.Shipped.Find(model)!;
            if (ModelPriceTable.Shipped.ModeOf(model) is "chat" or "completion" or "embedding")
            {
                Assert.True(prices.ContainsKey("input_cost_per_token") && prices.ContainsKey("output_cost_per_token"), model);
            }
        }
    }

    [Theory]
    [InlineData("0.0000285", "2.85e-05")]
    [InlineData("0.0025000", "0.0025")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0", "0.0")]
    [InlineData("12", "12.0")]
    public void FormatCost_AsPythonPrintsAFloat(string cost, string expected)
    {
        Assert.Equal(expected, LiteLLMHeaders.FormatCost(decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
