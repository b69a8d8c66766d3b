namespace LiteAspire.Proxy.Routing;

/// <summary>Splits a <c>litellm_params.model</c> such as <c>groq/llama-3.1-8b</c> into LiteLLM's provider prefix and the upstream model.</summary>
public static class ProviderModelName
{
    // LiteLLM's provider prefixes (litellm.provider_list), so "meta-llama/Llama-3" stays one model name for openai/hosted_vllm.
    private static readonly HashSet<string> s_knownProviders = new(StringComparer.Ordinal)
    {
        "openai", "custom_openai", "text-completion-openai", "azure", "azure_text", "azure_ai", "anthropic", "gemini", "vertex_ai",
        "vertex_ai_beta", "bedrock", "sagemaker", "cohere", "cohere_chat", "ollama", "ollama_chat", "groq", "mistral", "codestral",
        "text-completion-codestral", "deepseek", "xai", "together_ai", "fireworks_ai", "openrouter", "perplexity", "deepinfra",
        "cerebras", "sambanova", "nvidia_nim", "hosted_vllm", "vllm", "lm_studio", "llamafile", "huggingface", "databricks",
        "github", "nebius", "novita", "hyperbolic", "ai21", "ai21_chat", "friendliai", "anyscale", "cloudflare", "moonshot",
        "dashscope", "volcengine", "jina_ai", "voyage", "replicate", "watsonx", "predibase", "clarifai", "nlp_cloud",
        "aleph_alpha", "petals", "baseten", "triton", "infinity", "litellm_proxy", "empower", "galadriel", "lambda_ai",
        "featherless_ai", "nscale", "oci", "snowflake", "datarobot", "v0", "morph", "heroku", "ovhcloud", "gradient_ai",
    };

    /// <summary>True when <paramref name="prefix"/> is one of LiteLLM's provider prefixes.</summary>
    public static bool IsKnownProvider(string prefix) => s_knownProviders.Contains(prefix);

    /// <summary>
    /// The provider and upstream model of <paramref name="model"/>: the first segment when it names a provider, else
    /// the bare name guessed by family (<c>claude-*</c> anthropic, <c>gemini-*</c> gemini, everything else openai).
    /// </summary>
    public static (string Provider, string UpstreamModel) Split(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && s_knownProviders.Contains(model[..slash]))
        {
            return (model[..slash], model[(slash + 1)..]);
        }

        if (model.StartsWith("claude-", StringComparison.Ordinal))
        {
            return ("anthropic", model);
        }

        if (model.StartsWith("gemini-", StringComparison.Ordinal))
        {
            return ("gemini", model);
        }

        return ("openai", model);
    }

    /// <summary>The provider prefix a request model names explicitly (<c>foo/bar</c> → <c>foo</c>), or null when it has none.</summary>
    public static string? ExplicitPrefix(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? model[..slash] : null;
    }
}
