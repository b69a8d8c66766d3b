using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.OpenAI;

/// <summary>One OpenAI-compatible provider as data: its prefix, where it lives, which env vars hold its key and base, and its quirks.</summary>
/// <param name="Prefix">The LiteLLM provider prefix (<c>groq</c>).</param>
/// <param name="DefaultApiBase">The base URL up to and including the version segment (<c>https://api.groq.com/openai/v1</c>); null when the operator must give one.</param>
/// <param name="ApiKeyVariables">Environment variables holding the key, first set wins.</param>
public sealed record OpenAICompatibleProvider(string Prefix, string? DefaultApiBase, params string[] ApiKeyVariables)
{
    /// <summary>Environment variables holding the base URL, first set wins.</summary>
    public IReadOnlyList<string> ApiBaseVariables { get; init; } = [];

    /// <summary>False for local servers (vLLM, LM Studio) that accept calls without a key.</summary>
    public bool RequiresApiKey { get; init; } = true;

    /// <summary>OpenAI parameters the provider rejects: dropped with drop_params, else a 400 UnsupportedParamsError.</summary>
    public IReadOnlySet<string> UnsupportedParams { get; init; } = new HashSet<string>();

    /// <summary>False when the provider rejects <c>stream_options</c>; usage then comes only if the provider sends it unasked.</summary>
    public bool SupportsStreamOptions { get; init; } = true;

    /// <summary>A last fix-up of the outgoing chat body (Mistral's <c>tool_choice: "required"</c> → <c>"any"</c>).</summary>
    public Action<JsonObject>? AdjustChatRequest { get; init; }

    /// <summary>Builds the base URL from the environment when it has parts (Cloudflare's account id); overrides <see cref="DefaultApiBase"/>.</summary>
    public Func<Func<string, string?>, string?>? ApiBaseFromEnvironment { get; init; }

    /// <summary>False for rerank/embedding-only services (Cohere's, Jina's rerank) whose chat goes through another adapter.</summary>
    public bool ServesChat { get; init; } = true;
}
