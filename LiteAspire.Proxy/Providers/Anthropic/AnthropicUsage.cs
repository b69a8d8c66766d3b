using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>Anthropic usage → OpenAI usage, as LiteLLM's 2026 versions count it.</summary>
public static class AnthropicUsage
{
    /// <summary>
    /// <c>prompt_tokens</c> = input + cache read + cache creation (Anthropic's <c>input_tokens</c> excludes both, and every one
    /// of them is billed as input); <c>prompt_tokens_details.cached_tokens</c> = cache read; the two cache fields kept for cost.
    /// </summary>
    public static JsonObject ToOpenAI(long inputTokens, long outputTokens, long cacheReadTokens, long cacheCreationTokens) =>
        OpenAIShapes.Usage(inputTokens + cacheReadTokens + cacheCreationTokens, outputTokens, cacheReadTokens,
            cacheCreationTokens: cacheCreationTokens);

    /// <summary>The same, read from an Anthropic <c>usage</c> object (absent fields are 0).</summary>
    public static JsonObject ToOpenAI(JsonNode? usage) => ToOpenAI(
        JsonRead.Long(usage.Prop("input_tokens")) ?? 0,
        JsonRead.Long(usage.Prop("output_tokens")) ?? 0,
        JsonRead.Long(usage.Prop("cache_read_input_tokens")) ?? 0,
        JsonRead.Long(usage.Prop("cache_creation_input_tokens")) ?? 0);
}
