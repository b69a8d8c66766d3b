using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// What one call used, in the units prices are quoted in: tokens (chat, completions, embeddings), and for the media
/// routes images generated, seconds of audio transcribed and characters spoken.
/// </summary>
public readonly record struct CallUsage(UsageTokens Tokens, long Images = 0, decimal Seconds = 0, long Characters = 0)
{
    /// <summary>The tokens of an OpenAI <c>usage</c> object (null: nothing used).</summary>
    public static CallUsage Of(JsonObject? usage) => new(UsageTokens.Of(usage));
}
