using System.Text.Json.Nodes;

using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Tests.Spend.Cost;

/// <summary>Counts checked against tiktoken's own (<c>tiktoken.get_encoding(...).encode(...)</c>).</summary>
public sealed class TokenCounterTests
{
    [Theory]
    [InlineData("gpt-4o", "o200k_base")]
    [InlineData("openai/gpt-4.1-mini", "o200k_base")]
    [InlineData("o3-mini", "o200k_base")]
    [InlineData("gpt-5", "o200k_base")]
    [InlineData("gpt-3.5-turbo", "cl100k_base")]
    [InlineData("claude-sonnet-4-5", "cl100k_base")]
    public void EncodingFor_Model_AsLiteLLMPicks(string model, string encoding)
    {
        Assert.Equal(encoding, TokenCounter.EncodingFor(model));
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("gpt-3.5-turbo")]
    public void CountText_HelloWorld_TwoTokens(string model)
    {
        Assert.Equal(2, TokenCounter.CountText(model, "hello world"));
    }

    [Fact]
    public void CountText_TiktokenIsGreat_SixTokensInCl100k()
    {
        // tiktoken's README example: [83, 1609, 5963, 374, 2294, 0].
        Assert.Equal(6, TokenCounter.CountText("gpt-4", "tiktoken is great!"));
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("gpt-3.5-turbo")]
    public void CountMessages_OneMessage_TextPlusFraming(string model)
    {
        var messages = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = "hello world" } };

        // 3 per message + "user" (1) + "hello world" (2) + 3 priming the reply.
        Assert.Equal(9, TokenCounter.CountMessages(model, messages));
    }

    [Fact]
    public void CountMessages_NameAndParts_NameCostsOneMoreAndPartsCount()
    {
        var messages = new JsonArray
        {
            new JsonObject { ["role"] = "system", ["name"] = "hello", ["content"] = "hello world" },
            new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray { new JsonObject { ["type"] = "text", ["text"] = "hello world" }, new JsonObject { ["type"] = "image_url" } },
            },
        };

        // (3 + "system" 1 + "hello" 1 + 1 + "hello world" 2) + (3 + "user" 1 + 2 + image 250) + 3.
        Assert.Equal(8 + 256 + 3, TokenCounter.CountMessages("gpt-4o", messages));
    }
}
