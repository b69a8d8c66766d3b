using System.Collections.Concurrent;
using System.Net.Http.Headers;

using LiteAspire.FakeProvider;
using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Spend;
using LiteAspire.Proxy.Tests.EndToEnd;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiteAspire.Proxy.Tests.Spend.Cost;

/// <summary>
/// The fake upstream and the real proxy with one priced deployment per provider adapter (model group <c>cost-{provider}</c>),
/// plus embedding, image, speech, transcription and text-completion deployments. The cost each call was charged (what spend
/// records) is kept per model group in <see cref="Charged"/>.
/// </summary>
public sealed class CostFixture : IAsyncLifetime
{
    private const string MasterKey = "sk-master-cost-1234";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-cost-");

    public FakeProviderServer Fake { get; private set; } = null!;

    public ProxyFactory Proxy { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The last cost charged per model group.</summary>
    public ConcurrentDictionary<string, decimal> Charged { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Fake = await FakeProviderApp.StartAsync();
        var credentials = Path.Combine(_folder.FullName, "vertex-service-account.json");
        await File.WriteAllTextAsync(credentials, EndToEndFixture.ServiceAccountJson(new Uri(Fake.BaseAddress, "token")));
        var config = Path.Combine(_folder.FullName, "config.yaml");
        await File.WriteAllTextAsync(config, Config(Fake.BaseAddress.ToString(), credentials));
        Proxy = new ProxyFactory(new Dictionary<string, string?> { ["CONFIG_FILE_PATH"] = config }, services =>
            services.Replace(ServiceDescriptor.Singleton<ICostCalculator>(sp =>
                new RecordingCostCalculator(ActivatorUtilities.CreateInstance<CostCalculator>(sp), Charged))));
        Client = Proxy.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MasterKey);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Proxy.DisposeAsync();
        await Fake.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private static string Config(string fake, string vertexCredentials) => $$"""
        general_settings:
          master_key: {{MasterKey}}
        router_settings:
          num_retries: 0
        model_list:
          - model_name: cost-openai
            litellm_params: { model: openai/gpt-4o-mini, api_base: "{{fake}}v1", api_key: sk-fake }
          - model_name: cost-azure
            litellm_params: { model: azure/my-gpt4o-deployment, api_base: "{{fake}}", api_version: 2024-10-21, api_key: fake-azure-key }
            model_info: { base_model: azure/gpt-4o }
          - model_name: cost-groq
            litellm_params: { model: groq/llama-3.3-70b-versatile, api_base: "{{fake}}v1", api_key: gsk-fake }
          - model_name: cost-anthropic
            litellm_params: { model: anthropic/claude-sonnet-4-5, api_base: "{{fake}}", api_key: sk-ant-fake }
          - model_name: cost-gemini
            litellm_params: { model: gemini/gemini-2.5-flash, api_base: "{{fake}}", api_key: fake-gemini-key }
          - model_name: cost-vertex_ai
            litellm_params: { model: vertex_ai/gemini-2.5-pro, api_base: "{{fake}}", vertex_project: fake-project, vertex_location: us-central1, vertex_credentials: "{{vertexCredentials}}" }
          - model_name: cost-bedrock
            litellm_params: { model: bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0, aws_access_key_id: AKIAFAKEFAKEFAKEFAKE, aws_secret_access_key: fake-secret, aws_region_name: us-east-1, aws_bedrock_runtime_endpoint: "{{fake}}", api_base: "{{fake}}" }
          - model_name: cost-cohere
            litellm_params: { model: cohere/command-r-plus, api_base: "{{fake}}", api_key: fake-cohere-key }
          - model_name: cost-ollama
            litellm_params: { model: ollama_chat/llama3.1, api_base: "{{fake}}", input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 }
          - model_name: cost-unpriced
            litellm_params: { model: openai/my-finetune, api_base: "{{fake}}v1", api_key: sk-fake }
          - model_name: cost-embed-openai
            litellm_params: { model: openai/text-embedding-3-small, api_base: "{{fake}}v1", api_key: sk-fake }
          - model_name: cost-embed-cohere
            litellm_params: { model: cohere/embed-english-v3.0, api_base: "{{fake}}", api_key: fake-cohere-key }
          - model_name: cost-embed-bedrock
            litellm_params: { model: bedrock/amazon.titan-embed-text-v2:0, aws_access_key_id: AKIAFAKEFAKEFAKEFAKE, aws_secret_access_key: fake-secret, aws_region_name: us-east-1, aws_bedrock_runtime_endpoint: "{{fake}}", api_base: "{{fake}}" }
          - model_name: cost-images
            litellm_params: { model: openai/dall-e-3, api_base: "{{fake}}v1", api_key: sk-fake }
          - model_name: cost-speech
            litellm_params: { model: openai/tts-1, api_base: "{{fake}}v1", api_key: sk-fake }
          - model_name: cost-transcription
            litellm_params: { model: openai/whisper-1, api_base: "{{fake}}v1", api_key: sk-fake }
          - model_name: cost-instruct
            litellm_params: { model: openai/gpt-3.5-turbo-instruct, api_base: "{{fake}}v1", api_key: sk-fake }
        """;

    /// <summary>The real calculator, remembering what it charged.</summary>
    private sealed class RecordingCostCalculator(ICostCalculator inner, ConcurrentDictionary<string, decimal> charged) : ICostCalculator
    {
        public decimal Calculate(ResolvedDeployment deployment, in CallUsage usage)
        {
            var cost = inner.Calculate(deployment, usage);
            charged[deployment.ModelGroup] = cost;
            return cost;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CostProxy : ICollectionFixture<CostFixture>
{
    public const string Name = "cost";
}
