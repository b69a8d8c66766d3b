namespace LiteAspire.Proxy.Providers.Anthropic;

/// <summary>Which OpenAI chat parameters Anthropic takes (LiteLLM's <c>AnthropicConfig.get_supported_openai_params</c>).</summary>
public static class AnthropicSupportedParams
{
    /// <summary>OpenAI parameters the adapter translates.</summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "model", "messages", "stream", "stream_options", "stop", "temperature", "top_p", "top_k", "max_tokens",
        "max_completion_tokens", "tools", "tool_choice", "parallel_tool_calls", "response_format", "user",
        "reasoning_effort", "thinking", "web_search_options", "extra_headers", "n",
    };

    /// <summary>
    /// OpenAI parameters Anthropic has no equivalent for: a 400 UnsupportedParamsError unless drop_params. Keys outside both
    /// lists are provider-specific (<c>mcp_servers</c>, <c>container</c>, <c>context_management</c>...) and go through, as in LiteLLM.
    /// </summary>
    public static readonly IReadOnlySet<string> Unsupported = new HashSet<string>(StringComparer.Ordinal)
    {
        "frequency_penalty", "presence_penalty", "logit_bias", "logprobs", "top_logprobs", "seed", "functions",
        "function_call", "audio", "modalities", "prediction", "store", "verbosity", "prompt_cache_key",
        "safety_identifier", "max_retries",
    };
}
