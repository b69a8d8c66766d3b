namespace LiteAspire.Proxy.Providers.Shared;

/// <summary>LiteLLM's <c>map_finish_reason</c>: every provider's stop reason in OpenAI's words.</summary>
public static class FinishReasons
{
    /// <summary>OpenAI's finish_reason for a provider's value; unknown values become "stop".</summary>
    public static string Map(string? providerReason) => providerReason switch
    {
        null => "stop",
        "stop" or "length" or "tool_calls" or "content_filter" or "function_call" => providerReason,
        // Anthropic
        "end_turn" or "stop_sequence" or "pause_turn" => "stop",
        "max_tokens" or "compaction" or "model_context_window_exceeded" => "length",
        "tool_use" => "tool_calls",
        "refusal" => "content_filter",
        // Gemini
        "STOP" or "FINISH_REASON_UNSPECIFIED" or "MALFORMED_FUNCTION_CALL" or "TOO_MANY_TOOL_CALLS" or "UNEXPECTED_TOOL_CALL" => "stop",
        "MAX_TOKENS" => "length",
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" or "LANGUAGE" or "OTHER"
            or "IMAGE_SAFETY" or "IMAGE_PROHIBITED_CONTENT" or "IMAGE_RECITATION" or "IMAGE_OTHER" => "content_filter",
        // Cohere
        "COMPLETE" or "STOP_SEQUENCE" or "ERROR" or "USER_CANCEL" => "stop",
        "MAX_TOKENS_REACHED" => "length",
        "ERROR_TOXIC" or "ERROR_LIMIT" => "content_filter",
        "TOOL_CALL" => "tool_calls",
        // Bedrock
        "guardrail_intervened" or "content_filtered" => "content_filter",
        // Hugging Face, Together, generic
        "eos" or "eos_token" or "error" => "stop",
        _ => "stop",
    };
}
