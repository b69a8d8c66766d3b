using LiteAspire.Proxy.Providers.OpenAI;

namespace LiteAspire.Proxy.Providers;

/// <summary>Where the environment keeps a provider's credentials when <c>litellm_params</c> does not give them.</summary>
/// <param name="ApiKeyVariables">Variables for <c>api_key</c>, first set wins.</param>
/// <param name="ApiBaseVariables">Variables for <c>api_base</c>.</param>
/// <param name="ApiVersionVariables">Variables for <c>api_version</c>.</param>
public sealed record ProviderEnvironment(IReadOnlyList<string> ApiKeyVariables, IReadOnlyList<string> ApiBaseVariables, IReadOnlyList<string> ApiVersionVariables)
{
    /// <summary>No defaults.</summary>
    public static ProviderEnvironment None { get; } = new([], [], []);
}

/// <summary>
/// Provider prefix → the adapter that speaks to it. Built once at start; lookups are plain dictionary reads, so the
/// <c>Register*</c> methods are for start-up only (before the first request), never while serving.
/// </summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, IChatAdapter> _chat = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IEmbeddingAdapter> _embedding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenAIUpstream> _openAIShaped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProviderEnvironment> _environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _literalApiBases = new(StringComparer.Ordinal);

    /// <summary>Registers every adapter LiteAspire has.</summary>
    public ProviderRegistry()
    {
        foreach (var row in OpenAICompatibleProviders.All)
        {
            var upstream = new OpenAICompatibleUpstream(row);
            RegisterOpenAIShaped(upstream, row.ServesChat);
            _environment[row.Prefix] = new ProviderEnvironment(row.ApiKeyVariables, row.ApiBaseVariables, []);
            if (row.ApiBaseFromEnvironment is { } fromEnvironment && fromEnvironment(Environment.GetEnvironmentVariable) is { } apiBase)
            {
                _literalApiBases[row.Prefix] = apiBase;
            }
        }

        RegisterOpenAIShaped(new AzureOpenAIUpstream(), servesChat: true);
        _environment["azure"] = new ProviderEnvironment(["AZURE_API_KEY", "AZURE_OPENAI_API_KEY"],
            ["AZURE_API_BASE", "AZURE_OPENAI_ENDPOINT"], ["AZURE_API_VERSION", "OPENAI_API_VERSION"]);

        RegisterChat("anthropic", new Anthropic.AnthropicChatAdapter());
        RegisterNative(["gemini"], new Gemini.GeminiChatAdapter());
        RegisterNative(["vertex_ai"], new VertexAI.VertexAIChatAdapter());
        RegisterNative(["bedrock"], new Bedrock.BedrockConverseAdapter());
        RegisterNative(["cohere", "cohere_chat"], new Cohere.CohereChatAdapter());
        RegisterNative(["ollama", "ollama_chat"], new Ollama.OllamaChatAdapter());
    }

    /// <summary>The chat adapter for <paramref name="provider"/>, or null when LiteAspire has none.</summary>
    public IChatAdapter? Chat(string provider) => _chat.GetValueOrDefault(provider);

    /// <summary>The embeddings adapter for <paramref name="provider"/>, or null.</summary>
    public IEmbeddingAdapter? Embedding(string provider) => _embedding.GetValueOrDefault(provider);

    /// <summary>The OpenAI-shaped upstream for pass-through routes (images, audio, moderations, rerank, responses, completions), or null.</summary>
    public OpenAIUpstream? OpenAIShaped(string provider) => _openAIShaped.GetValueOrDefault(provider);

    /// <summary>The environment variables holding <paramref name="provider"/>'s credentials.</summary>
    public ProviderEnvironment EnvironmentDefaults(string provider) => _environment.GetValueOrDefault(provider) ?? ProviderEnvironment.None;

    /// <summary>A base URL computed from the environment at start (Cloudflare's account URL), or null.</summary>
    public string? ComputedApiBase(string provider) => _literalApiBases.GetValueOrDefault(provider);

    /// <summary>Every registered chat prefix.</summary>
    public IEnumerable<string> ChatProviders => _chat.Keys;

    /// <summary>Registers an adapter that does chat and embeddings under each of <paramref name="prefixes"/>.</summary>
    private void RegisterNative<TAdapter>(string[] prefixes, TAdapter adapter) where TAdapter : IChatAdapter, IEmbeddingAdapter
    {
        foreach (var prefix in prefixes)
        {
            RegisterChat(prefix, adapter);
            RegisterEmbedding(prefix, adapter);
        }
    }

    /// <summary>Registers (or replaces) the chat adapter of <paramref name="provider"/>.</summary>
    public void RegisterChat(string provider, IChatAdapter adapter) => _chat[provider] = adapter;

    /// <summary>Registers (or replaces) the embeddings adapter of <paramref name="provider"/>.</summary>
    public void RegisterEmbedding(string provider, IEmbeddingAdapter adapter) => _embedding[provider] = adapter;

    /// <summary>Registers environment variables for a provider's credentials (for adapters that want them resolved up front).</summary>
    public void RegisterEnvironment(string provider, ProviderEnvironment environment) => _environment[provider] = environment;

    private void RegisterOpenAIShaped(OpenAIUpstream upstream, bool servesChat)
    {
        var adapter = new OpenAIChatAdapter(upstream);
        _openAIShaped[upstream.Provider] = upstream;
        _embedding[upstream.Provider] = adapter;
        if (servesChat)
        {
            _chat[upstream.Provider] = adapter;
        }
    }
}
