using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.OpenAI;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Tests.Providers.OpenAI;

public sealed class OpenAIChatAdapterTests
{
    private static readonly ProviderRegistry s_registry = new();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Providers", "OpenAI", "Fixtures", name));

    private static ResolvedDeployment Resolve(string yaml, Dictionary<string, string>? environment = null)
    {
        var config = ProxyConfigLoader.Parse(yaml, environment: name => environment?.GetValueOrDefault(name));
        var resolver = new DeploymentResolver(s_registry, name => environment?.GetValueOrDefault(name));
        return resolver.Resolve(config.ModelList[0]);
    }

    private static ChatCall Call(ResolvedDeployment deployment, JsonObject? extra = null, bool dropParams = false)
    {
        var request = new JsonObject
        {
            ["model"] = deployment.UpstreamModel,
            ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = "hi" } },
        };
        foreach (var (key, value) in extra ?? [])
        {
            request[key] = value?.DeepClone();
        }

        return new ChatCall { Deployment = deployment, Request = request, DropParams = dropParams };
    }

    private static IChatAdapter AdapterFor(ResolvedDeployment deployment) => s_registry.Chat(deployment.Provider)!;

    public static TheoryData<string> RequiredCompatibleProviders() => new()
    {
        "openai", "groq", "mistral", "deepseek", "xai", "together_ai", "fireworks_ai", "openrouter", "perplexity", "deepinfra",
        "cerebras", "sambanova", "nvidia_nim", "hosted_vllm", "lm_studio", "llamafile", "huggingface", "databricks", "github",
        "nebius", "novita", "hyperbolic", "ai21", "friendliai", "anyscale", "cloudflare", "moonshot", "dashscope", "volcengine", "azure",
    };

    [Theory]
    [MemberData(nameof(RequiredCompatibleProviders))]
    public void Registry_RequiredProvider_HasChatAndEmbeddingAdapters(string prefix)
    {
        Assert.NotNull(s_registry.Chat(prefix));
        Assert.NotNull(s_registry.Embedding(prefix));
        Assert.NotNull(s_registry.OpenAIShaped(prefix));
    }

    [Fact]
    public void CompatibleTable_Prefixes_AreUnique()
    {
        var prefixes = OpenAICompatibleProviders.All.Select(p => p.Prefix).ToList();

        Assert.Equal(prefixes.Count, prefixes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(prefixes, p => Assert.True(ProviderModelName.IsKnownProvider(p), p));
    }

    [Theory]
    [InlineData("anthropic", "AnthropicChatAdapter")]
    [InlineData("gemini", "GeminiChatAdapter")]
    [InlineData("vertex_ai", "VertexAIChatAdapter")]
    [InlineData("bedrock", "BedrockConverseAdapter")]
    [InlineData("cohere", "CohereChatAdapter")]
    [InlineData("cohere_chat", "CohereChatAdapter")]
    [InlineData("ollama", "OllamaChatAdapter")]
    [InlineData("ollama_chat", "OllamaChatAdapter")]
    public void Registry_NativeProvider_IsServedByItsOwnAdapter(string prefix, string adapter) =>
        Assert.Equal(adapter, s_registry.Chat(prefix)?.GetType().Name);

    [Fact]
    public async Task Groq_NoApiBaseOrKey_UsesDefaultBaseAndGroqApiKeyVariable()
    {
        var deployment = Resolve("""
            model_list:
              - model_name: llama
                litellm_params:
                  model: groq/llama-3.1-8b-instant
            """, new() { ["GROQ_API_KEY"] = "gsk-env" });

        using var request = await AdapterFor(deployment).CreateRequestAsync(Call(deployment), CancellationToken.None);

        Assert.Equal(new Uri("https://api.groq.com/openai/v1/chat/completions"), request.RequestUri);
        Assert.Equal("Bearer gsk-env", request.Headers.Authorization!.ToString());
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync())!;
        Assert.Equal("llama-3.1-8b-instant", body["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenAI_BaseUrlFromEnvironment_OverridesDefault()
    {
        var deployment = Resolve("""
            model_list:
              - model_name: gpt
                litellm_params:
                  model: gpt-4o
                  api_key: sk-x
            """, new() { ["OPENAI_BASE_URL"] = "http://openai.internal/v1/" });

        using var request = await AdapterFor(deployment).CreateRequestAsync(Call(deployment), CancellationToken.None);

        Assert.Equal("openai", deployment.Provider);
        Assert.Equal(new Uri("http://openai.internal/v1/chat/completions"), request.RequestUri);
    }

    [Fact]
    public async Task Azure_ApiVersionFromEnvironment_BuildsDeploymentUrlWithApiKeyHeader()
    {
        var deployment = Resolve("""
            model_list:
              - model_name: gpt
                litellm_params:
                  model: azure/prod-gpt4o
                  api_base: https://example-resource.openai.azure.com/
            """, new() { ["AZURE_API_KEY"] = "az-key", ["AZURE_API_VERSION"] = "2025-01-01-preview" });

        using var request = await AdapterFor(deployment).CreateRequestAsync(Call(deployment), CancellationToken.None);

        Assert.Equal("https://example-resource.openai.azure.com/openai/deployments/prod-gpt4o/chat/completions?api-version=2025-01-01-preview",
            request.RequestUri!.ToString());
        Assert.Equal("az-key", request.Headers.GetValues("api-key").Single());
        Assert.Null(request.Headers.Authorization);
    }

    [Fact]
    public async Task Azure_NoCredentials_ThrowsAuthenticationError()
    {
        var deployment = Resolve("""
            model_list:
              - model_name: gpt
                litellm_params:
                  model: azure/prod
                  api_base: https://example-resource.openai.azure.com
            """);

        var error = await Assert.ThrowsAsync<ProviderException>(() => AdapterFor(deployment).CreateRequestAsync(Call(deployment), CancellationToken.None).AsTask());

        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task HostedVllm_NoApiBase_ThrowsBadRequestNamingTheSetting()
    {
        var deployment = Resolve("""
            model_list:
              - model_name: llama
                litellm_params:
                  model: hosted_vllm/meta-llama/Llama-3.1-8B
            """);

        var error = await Assert.ThrowsAsync<ProviderException>(() => AdapterFor(deployment).CreateRequestAsync(Call(deployment), CancellationToken.None).AsTask());

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("HOSTED_VLLM_API_BASE", error.Message, StringComparison.Ordinal);
        Assert.Equal("meta-llama/Llama-3.1-8B", deployment.UpstreamModel);
    }

    [Fact]
    public async Task OpenAICompatibleServer_ApiBaseWithoutKey_SendsNoAuthorization()
    {
        var deployment = Resolve("""
            model_list:
              - model_name: local
                litellm_params:
                  model: openai/my-local-model
                  api_base: http://127.0.0.1:8000/v1
            """);

        using var request = await AdapterFor(deployment).CreateRequestAsync(Call(deployment), CancellationToken.None);

        Assert.Null(request.Headers.Authorization);
        Assert.Equal(new Uri("http://127.0.0.1:8000/v1/chat/completions"), request.RequestUri);
    }

    [Theory]
    [InlineData("o1", true)]
    [InlineData("o3-mini", true)]
    [InlineData("o4-mini", true)]
    [InlineData("gpt-5", true)]
    [InlineData("gpt-4o", false)]
    public void ReasoningModel_IsRecognised(string model, bool expected) => Assert.Equal(expected, OpenAIChatParams.IsReasoningModel(model));

    [Fact]
    public async Task ReasoningModel_CustomTemperatureWithoutDropParams_ThrowsUnsupportedParams()
    {
        var deployment = Resolve("""
            model_list:
              - model_name: o1
                litellm_params:
                  model: openai/o1
                  api_key: sk-x
            """);
        var call = Call(deployment, new JsonObject { ["temperature"] = 0.2 });

        var error = await Assert.ThrowsAsync<ProviderException>(() => AdapterFor(deployment).CreateRequestAsync(call, CancellationToken.None).AsTask());
        using var dropped = await AdapterFor(deployment).CreateRequestAsync(Call(deployment, new JsonObject { ["temperature"] = 0.2 }, dropParams: true), CancellationToken.None);

        Assert.Equal(LiteLLMErrorKind.UnsupportedParamsError, error.Kind);
        Assert.False(JsonNode.Parse(await dropped.Content!.ReadAsStringAsync())!.AsObject().ContainsKey("temperature"));
    }

    [Fact]
    public async Task Perplexity_ToolsWithDropParams_AreDropped()
    {
        var deployment = Resolve("""
            model_list:
              - model_name: sonar
                litellm_params:
                  model: perplexity/sonar
                  api_key: pplx
            """);
        var call = Call(deployment, new JsonObject { ["tools"] = new JsonArray(), ["tool_choice"] = "auto" }, dropParams: true);

        using var request = await AdapterFor(deployment).CreateRequestAsync(call, CancellationToken.None);

        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync())!.AsObject();
        Assert.False(body.ContainsKey("tools"));
        Assert.False(body.ContainsKey("tool_choice"));
        Assert.Equal(new Uri("https://api.perplexity.ai/chat/completions"), request.RequestUri);
    }

    [Fact]
    public void Mistral_ToolChoiceRequired_BecomesAny()
    {
        var mistral = OpenAICompatibleProviders.All.Single(p => p.Prefix == "mistral");
        var body = new JsonObject { ["tool_choice"] = "required" };

        mistral.AdjustChatRequest!(body);

        Assert.Equal("any", body["tool_choice"]!.GetValue<string>());
    }

    [Fact]
    public void ReadResponse_DocumentedCompletion_PassesThrough()
    {
        var deployment = Resolve("model_list:\n  - model_name: g\n    litellm_params:\n      model: gpt-4o-mini\n");
        var body = JsonNode.Parse(Fixture("chat-completion.json"))!;

        var completion = AdapterFor(deployment).ReadResponse(body, Call(deployment));

        Assert.Equal("Hello there, how may I assist you today?", completion["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal(21, completion["usage"]!["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task ReadStream_DocumentedStreamWithUsage_YieldsEveryChunkAndStopsAtDone()
    {
        var deployment = Resolve("model_list:\n  - model_name: g\n    litellm_params:\n      model: gpt-4o-mini\n");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Fixture("chat-stream-include-usage.sse") + "data: not json after done\n\n"));

        var chunks = new List<JsonObject>();
        await foreach (var chunk in AdapterFor(deployment).ReadStreamAsync(stream, Call(deployment), CancellationToken.None))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(5, chunks.Count);
        Assert.Equal("assistant", chunks[0]["choices"]![0]!["delta"]!["role"]!.GetValue<string>());
        Assert.Equal("stop", chunks[3]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.Empty(chunks[4]["choices"]!.AsArray());
        Assert.Equal(11, chunks[4]["usage"]!["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task ReadStream_MidStreamErrorEvent_ThrowsProviderException()
    {
        var deployment = Resolve("model_list:\n  - model_name: g\n    litellm_params:\n      model: gpt-4o-mini\n");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Fixture("chat-stream-midstream-error.sse")));
        var received = 0;

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var _ in AdapterFor(deployment).ReadStreamAsync(stream, Call(deployment), CancellationToken.None))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.Equal(500, error.StatusCode);
        Assert.Contains("The server had an error", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error-context-length.json", 400, LiteLLMErrorKind.ContextWindowExceededError, "messages")]
    [InlineData("error-azure-content-filter.json", 400, LiteLLMErrorKind.ContentPolicyViolationError, "prompt")]
    public void ReadError_DocumentedErrors_AreClassified(string fixture, int status, LiteLLMErrorKind kind, string param)
    {
        var error = OpenAIErrorReader.Read("azure", status, Fixture(fixture));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(param, error.Param);
        Assert.StartsWith($"litellm.{kind}: AzureException - ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadError_HtmlBody_UsesTextAsMessage()
    {
        var error = OpenAIErrorReader.Read("openai", 502, "<html>Bad gateway</html>");

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("Bad gateway", error.Message, StringComparison.Ordinal);
    }
}
