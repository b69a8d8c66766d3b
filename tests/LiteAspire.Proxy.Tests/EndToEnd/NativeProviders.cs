namespace LiteAspire.Proxy.Tests.EndToEnd;

/// <summary>
/// One native provider as a deployment pointed at the in-process fake upstream: its chat <c>litellm_params</c> and, when it
/// has embeddings, its embedding <c>litellm_params</c> (YAML flow mappings; <c>$FAKE</c> is the fake's base address with
/// its trailing slash, <c>$VERTEX_CREDENTIALS</c> the path of a generated service-account JSON).
/// </summary>
/// <param name="Name">The row's name in test output, and its model names: <c>e2e-{Name}-chat</c>, <c>e2e-{Name}-embed</c>.</param>
/// <param name="ChatParams">The chat deployment's <c>litellm_params</c>.</param>
/// <param name="EmbeddingParams">The embedding deployment's <c>litellm_params</c>, or null when the provider has none.</param>
/// <param name="ToolChoiceNone">
/// Whether the provider can be told <c>tool_choice: "none"</c>. Where it cannot (Bedrock Converse has no such choice and
/// LiteLLM rejects it; Ollama has no tool_choice at all), the tool tests ask for the answer without tools, as
/// Extensions.AI's function invocation does on its last round.
/// </param>
/// <param name="BatchEmbeddings">Whether one embeddings request may carry several inputs.</param>
public sealed record NativeProvider(string Name, string ChatParams, string? EmbeddingParams, bool ToolChoiceNone = true, bool BatchEmbeddings = true)
{
    /// <summary>The LiteLLM prefix of the chat deployment's model (<c>ollama_chat</c> for <c>model: ollama_chat/llama3.1</c>).</summary>
    public string ChatPrefix => PrefixOf(ChatParams);

    /// <summary>The LiteLLM prefix of the embedding deployment's model, or null.</summary>
    public string? EmbeddingPrefix => EmbeddingParams is null ? null : PrefixOf(EmbeddingParams);

    /// <summary>The model group the chat tests call.</summary>
    public string ChatModel => $"e2e-{Name}-chat";

    /// <summary>The model group the embedding tests call.</summary>
    public string EmbeddingModel => $"e2e-{Name}-embed";

    public override string ToString() => Name;

    private static string PrefixOf(string litellmParams)
    {
        const string Key = "model: ";
        var start = litellmParams.IndexOf(Key, StringComparison.Ordinal) + Key.Length;
        return litellmParams[start..litellmParams.IndexOf('/', start)];
    }
}

/// <summary>The native providers the end-to-end tests run against: the one place to add or enable a provider.</summary>
public static class NativeProviders
{
    /// <summary>
    /// Providers whose adapters are registered in <c>ProviderRegistry</c>. The fixture asserts each one is,
    /// so a row here without an adapter fails loudly instead of being skipped.
    /// </summary>
    public static IReadOnlyList<NativeProvider> All { get; } =
    [
        new("openai",
            "{ model: openai/gpt-4o-mini, api_base: \"$FAKEv1\", api_key: sk-fake-openai }",
            "{ model: openai/text-embedding-3-small, api_base: \"$FAKEv1\", api_key: sk-fake-openai }"),
        new("azure",
            "{ model: azure/my-gpt4o-deployment, api_base: \"$FAKE\", api_version: 2024-10-21, api_key: fake-azure-key }",
            "{ model: azure/my-embedding-deployment, api_base: \"$FAKE\", api_version: 2024-10-21, api_key: fake-azure-key }"),
        new("anthropic",
            "{ model: anthropic/claude-sonnet-4-5, api_base: \"$FAKE\", api_key: sk-ant-fake }",
            null),
        new("gemini",
            "{ model: gemini/gemini-2.5-flash, api_base: \"$FAKE\", api_key: fake-gemini-key }",
            "{ model: gemini/text-embedding-004, api_base: \"$FAKE\", api_key: fake-gemini-key }"),
        new("vertex_ai",
            "{ model: vertex_ai/gemini-2.5-flash, api_base: \"$FAKE\", vertex_project: fake-project, vertex_location: us-central1, vertex_credentials: \"$VERTEX_CREDENTIALS\" }",
            "{ model: vertex_ai/text-embedding-004, api_base: \"$FAKE\", vertex_project: fake-project, vertex_location: us-central1, vertex_credentials: \"$VERTEX_CREDENTIALS\" }"),
        new("bedrock",
            "{ model: bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0, aws_access_key_id: AKIAFAKEFAKEFAKEFAKE, aws_secret_access_key: fake-secret, aws_region_name: us-east-1, aws_bedrock_runtime_endpoint: \"$FAKE\", api_base: \"$FAKE\" }",
            "{ model: bedrock/amazon.titan-embed-text-v2:0, aws_access_key_id: AKIAFAKEFAKEFAKEFAKE, aws_secret_access_key: fake-secret, aws_region_name: us-east-1, aws_bedrock_runtime_endpoint: \"$FAKE\", api_base: \"$FAKE\" }",
            // Titan embeds one text per call: LiteLLM loops over a list, LiteAspire's adapter answers 400 for now.
            ToolChoiceNone: false, BatchEmbeddings: false),
        new("cohere",
            "{ model: cohere/command-r-plus, api_base: \"$FAKE\", api_key: fake-cohere-key }",
            "{ model: cohere/embed-english-v3.0, api_base: \"$FAKE\", api_key: fake-cohere-key }"),
        new("ollama",
            "{ model: ollama_chat/llama3.1, api_base: \"$FAKE\" }",
            "{ model: ollama/nomic-embed-text, api_base: \"$FAKE\" }",
            ToolChoiceNone: false),
    ];

    /// <summary>Every enabled provider's name, for chat theories.</summary>
    public static TheoryData<string> Chat
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var provider in All)
            {
                data.Add(provider.Name);
            }

            return data;
        }
    }

    /// <summary>Every enabled provider with embeddings, for embedding theories.</summary>
    public static TheoryData<string> Embeddings
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var provider in All)
            {
                if (provider.EmbeddingParams is not null)
                {
                    data.Add(provider.Name);
                }
            }

            return data;
        }
    }

    /// <summary>Every enabled provider whose embeddings take several inputs in one request.</summary>
    public static TheoryData<string> BatchEmbeddings
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var provider in All)
            {
                if (provider.EmbeddingParams is not null && provider.BatchEmbeddings)
                {
                    data.Add(provider.Name);
                }
            }

            return data;
        }
    }

    /// <summary>The enabled row named <paramref name="name"/>.</summary>
    public static NativeProvider Get(string name)
    {
        foreach (var provider in All)
        {
            if (provider.Name == name)
            {
                return provider;
            }
        }

        throw new ArgumentException($"no enabled provider row '{name}'", nameof(name));
    }
}
