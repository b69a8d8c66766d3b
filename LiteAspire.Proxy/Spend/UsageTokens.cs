using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// The token counts of an OpenAI <c>usage</c> object as cost and spend need them: prompt and completion totals, and inside
/// them the prompt-cache reads and writes and the reasoning tokens. Every adapter normalises its provider's usage to this shape.
/// </summary>
public readonly record struct UsageTokens(long Prompt, long Completion, long CacheRead, long CacheCreation, long Reasoning)
{
    /// <summary>Reads <paramref name="usage"/>; absent fields are 0.</summary>
    public static UsageTokens Of(JsonObject? usage)
    {
        if (usage is null)
        {
            return default;
        }

        var completion = JsonRead.LongOrZero(usage["completion_tokens"]);
        // Embeddings report only prompt and total tokens.
        var prompt = usage.ContainsKey("prompt_tokens") ? JsonRead.LongOrZero(usage["prompt_tokens"]) : JsonRead.LongOrZero(usage["total_tokens"]) - completion;
        return new UsageTokens(
            prompt,
            completion,
            JsonRead.Long(usage.Prop("prompt_tokens_details").Prop("cached_tokens")) ?? JsonRead.LongOrZero(usage["cache_read_input_tokens"]),
            JsonRead.LongOrZero(usage["cache_creation_input_tokens"]),
            JsonRead.LongOrZero(usage.Prop("completion_tokens_details").Prop("reasoning_tokens")));
    }
}
