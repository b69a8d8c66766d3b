namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>OpenAI finish_reason → Anthropic stop_reason, for answers from non-Anthropic providers.</summary>
public static class AnthropicStopReasons
{
    /// <summary>stop→end_turn, length→max_tokens, tool_calls/function_call→tool_use, content_filter→refusal; anything else end_turn.</summary>
    public static string FromFinishReason(string? finishReason) => finishReason switch
    {
        "length" => "max_tokens",
        "tool_calls" or "function_call" => "tool_use",
        "content_filter" => "refusal",
        _ => "end_turn",
    };
}
