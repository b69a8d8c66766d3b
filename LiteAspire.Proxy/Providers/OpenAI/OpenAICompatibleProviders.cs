using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.OpenAI;

/// <summary>The OpenAI-compatible providers, one row each. Adding a provider is adding a row.</summary>
public static class OpenAICompatibleProviders
{
    /// <summary>Every row, by prefix.</summary>
    public static IReadOnlyList<OpenAICompatibleProvider> All { get; } =
    [
        new("openai", "https://api.openai.com/v1", "OPENAI_API_KEY") { ApiBaseVariables = ["OPENAI_BASE_URL", "OPENAI_API_BASE"] },
        new("custom_openai", null, "OPENAI_API_KEY") { RequiresApiKey = false },
        new("text-completion-openai", "https://api.openai.com/v1", "OPENAI_API_KEY") { ApiBaseVariables = ["OPENAI_BASE_URL", "OPENAI_API_BASE"] },
        new("groq", "https://api.groq.com/openai/v1", "GROQ_API_KEY")
        {
            ApiBaseVariables = ["GROQ_API_BASE"],
            UnsupportedParams = new HashSet<string>(StringComparer.Ordinal) { "logit_bias", "logprobs", "top_logprobs" },
        },
        new("mistral", "https://api.mistral.ai/v1", "MISTRAL_API_KEY")
        {
            ApiBaseVariables = ["MISTRAL_API_BASE"],
            UnsupportedParams = new HashSet<string>(StringComparer.Ordinal) { "logit_bias", "logprobs", "top_logprobs" },
            AdjustChatRequest = MistralToolChoice,
        },
        new("codestral", "https://codestral.mistral.ai/v1", "CODESTRAL_API_KEY") { AdjustChatRequest = MistralToolChoice },
        new("deepseek", "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY") { ApiBaseVariables = ["DEEPSEEK_API_BASE"] },
        new("xai", "https://api.x.ai/v1", "XAI_API_KEY") { ApiBaseVariables = ["XAI_API_BASE"] },
        new("together_ai", "https://api.together.xyz/v1", "TOGETHERAI_API_KEY", "TOGETHER_AI_API_KEY", "TOGETHER_API_KEY"),
        new("fireworks_ai", "https://api.fireworks.ai/inference/v1", "FIREWORKS_AI_API_KEY", "FIREWORKS_API_KEY") { ApiBaseVariables = ["FIREWORKS_API_BASE"] },
        new("openrouter", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY", "OR_API_KEY") { ApiBaseVariables = ["OPENROUTER_API_BASE"] },
        new("perplexity", "https://api.perplexity.ai", "PERPLEXITYAI_API_KEY", "PERPLEXITY_API_KEY")
        {
            UnsupportedParams = new HashSet<string>(StringComparer.Ordinal) { "logit_bias", "n", "tools", "tool_choice", "parallel_tool_calls" },
        },
        new("deepinfra", "https://api.deepinfra.com/v1/openai", "DEEPINFRA_API_KEY"),
        new("cerebras", "https://api.cerebras.ai/v1", "CEREBRAS_API_KEY"),
        new("sambanova", "https://api.sambanova.ai/v1", "SAMBANOVA_API_KEY"),
        new("nvidia_nim", "https://integrate.api.nvidia.com/v1", "NVIDIA_NIM_API_KEY") { ApiBaseVariables = ["NVIDIA_NIM_API_BASE"] },
        new("hosted_vllm", null, "HOSTED_VLLM_API_KEY") { ApiBaseVariables = ["HOSTED_VLLM_API_BASE"], RequiresApiKey = false },
        new("vllm", null, "HOSTED_VLLM_API_KEY") { ApiBaseVariables = ["HOSTED_VLLM_API_BASE"], RequiresApiKey = false },
        new("lm_studio", "http://localhost:1234/v1", "LM_STUDIO_API_KEY") { ApiBaseVariables = ["LM_STUDIO_API_BASE"], RequiresApiKey = false },
        new("llamafile", "http://127.0.0.1:8080/v1", "LLAMAFILE_API_KEY") { ApiBaseVariables = ["LLAMAFILE_API_BASE"], RequiresApiKey = false },
        new("huggingface", "https://router.huggingface.co/v1", "HF_TOKEN", "HUGGINGFACE_API_KEY") { ApiBaseVariables = ["HUGGINGFACE_API_BASE"] },
        new("databricks", null, "DATABRICKS_API_KEY") { ApiBaseVariables = ["DATABRICKS_API_BASE"] },
        new("github", "https://models.inference.ai.azure.com", "GITHUB_API_KEY"),
        new("nebius", "https://api.studio.nebius.ai/v1", "NEBIUS_API_KEY") { ApiBaseVariables = ["NEBIUS_API_BASE"] },
        new("novita", "https://api.novita.ai/v3/openai", "NOVITA_API_KEY"),
        new("hyperbolic", "https://api.hyperbolic.xyz/v1", "HYPERBOLIC_API_KEY"),
        new("ai21", "https://api.ai21.com/studio/v1", "AI21_API_KEY"),
        new("ai21_chat", "https://api.ai21.com/studio/v1", "AI21_API_KEY"),
        new("friendliai", "https://api.friendli.ai/serverless/v1", "FRIENDLIAI_API_KEY", "FRIENDLI_TOKEN") { ApiBaseVariables = ["FRIENDLIAI_API_BASE"] },
        new("anyscale", "https://api.endpoints.anyscale.com/v1", "ANYSCALE_API_KEY"),
        new("cloudflare", null, "CLOUDFLARE_API_KEY")
        {
            ApiBaseVariables = ["CLOUDFLARE_API_BASE"],
            ApiBaseFromEnvironment = env => env("CLOUDFLARE_ACCOUNT_ID") is { Length: > 0 } account
                ? $"https://api.cloudflare.com/client/v4/accounts/{account}/ai/v1"
                : null,
        },
        new("moonshot", "https://api.moonshot.ai/v1", "MOONSHOT_API_KEY") { ApiBaseVariables = ["MOONSHOT_API_BASE"] },
        new("dashscope", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", "DASHSCOPE_API_KEY") { ApiBaseVariables = ["DASHSCOPE_API_BASE"] },
        new("volcengine", "https://ark.cn-beijing.volces.com/api/v3", "VOLCENGINE_API_KEY", "ARK_API_KEY") { ApiBaseVariables = ["VOLCENGINE_API_BASE"] },
        new("lambda_ai", "https://api.lambda.ai/v1", "LAMBDA_API_KEY"),
        new("featherless_ai", "https://api.featherless.ai/v1", "FEATHERLESS_AI_API_KEY"),
        new("nscale", "https://inference.api.nscale.com/v1", "NSCALE_API_KEY"),
        new("litellm_proxy", null, "LITELLM_PROXY_API_KEY") { ApiBaseVariables = ["LITELLM_PROXY_API_BASE"] },
        new("jina_ai", "https://api.jina.ai/v1", "JINA_AI_API_KEY") { ServesChat = false },
        new("voyage", "https://api.voyageai.com/v1", "VOYAGE_API_KEY") { ServesChat = false },
        // Cohere's chat has its own adapter; this row only serves /v1/rerank (Cohere's own shape) and /v1/embeddings is theirs.
        new("cohere", "https://api.cohere.com/v1", "COHERE_API_KEY", "CO_API_KEY") { ServesChat = false },
    ];

    /// <summary>Mistral takes "any" where OpenAI says "required".</summary>
    private static void MistralToolChoice(JsonObject body)
    {
        if (body["tool_choice"] is JsonValue value && value.TryGetValue<string>(out var choice) && choice == "required")
        {
            body["tool_choice"] = "any";
        }
    }
}
