using System.Net.Http.Headers;

namespace LiteAspire.Proxy.Tests.Endpoints;

/// <summary>The real proxy (in memory) with a config whose deployments all point at one <see cref="FakeOpenAIUpstream"/>.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string MasterKey = "sk-master-test-1234";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-gateway-");

    public FakeOpenAIUpstream Upstream { get; private set; } = null!;

    public ProxyFactory Factory { get; private set; } = null!;

    /// <summary>A client sending the master key.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Upstream = await FakeOpenAIUpstream.StartAsync();
        var fake = Upstream.BaseUri.ToString().TrimEnd('/');
        var path = Path.Combine(_folder.FullName, "config.yaml");
        await File.WriteAllTextAsync(path, Config(fake));
        Factory = new ProxyFactory(new Dictionary<string, string?> { ["CONFIG_FILE_PATH"] = path });
        Client = Factory.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MasterKey);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Upstream.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private static string Config(string fake) => $"""
        environment_variables:
          GROQ_API_KEY: gsk-from-environment
        general_settings:
          master_key: {MasterKey}
          max_request_size_mb: 1
        router_settings:
          model_group_alias:
            my-alias: gpt-4o
        model_list:
          - model_name: gpt-4o
            litellm_params:
              model: openai/gpt-4o
              api_base: {fake}/v1?ignored=1
              api_key: sk-upstream-openai
              organization: org-fake
            model_info:
              id: gpt4o-deployment-1
              mode: chat
          - model_name: o3-mini
            litellm_params:
              model: openai/o3-mini
              api_base: {fake}/v1
              api_key: sk-upstream-openai
          - model_name: gated
            litellm_params:
              model: openai/gated
              api_base: {fake}/v1
              api_key: sk-upstream-openai
          - model_name: hang
            litellm_params:
              model: openai/hang
              api_base: {fake}/v1
              api_key: sk-upstream-openai
          - model_name: slow
            litellm_params:
              model: openai/slow
              api_base: {fake}/v1
              api_key: sk-upstream-openai
              timeout: 0.5
          - model_name: unreachable
            litellm_params:
              model: openai/gpt-4o
              api_base: http://127.0.0.1:1/v1
              api_key: sk-upstream-openai
          - model_name: status/*
            litellm_params:
              model: openai/status-*
              api_base: {fake}/v1
              api_key: sk-upstream-openai
          - model_name: azure-gpt
            litellm_params:
              model: azure/my-gpt4o-deployment
              api_base: {fake}
              api_key: azure-secret-key
              api_version: 2024-06-01
          - model_name: azure-ad
            litellm_params:
              model: azure/ad-deployment
              api_base: {fake}
              azure_ad_token: entra-token
          - model_name: groq-llama
            litellm_params:
              model: groq/llama-3.1-8b-instant
              api_base: {fake}/openai/v1
          - model_name: mistral-large
            litellm_params:
              model: mistral/mistral-large-latest
              api_base: {fake}/v1
              api_key: mistral-key
          - model_name: groq-dropping
            litellm_params:
              model: groq/llama-3.1-8b-instant
              api_base: {fake}/openai/v1
              drop_params: true
          - model_name: text-embedding-3-small
            litellm_params:
              model: openai/text-embedding-3-small
              api_base: {fake}/v1
              api_key: sk-upstream-openai
          - model_name: replicate-llama
            litellm_params:
              model: replicate/meta/llama-3-70b
          - model_name: rerank-english
            litellm_params:
              model: cohere/rerank-english-v3.0
              api_base: {fake}/v1
              api_key: cohere-key
          - model_name: midfail
            litellm_params:
              model: openai/midfail
              api_base: {fake}/v1
              api_key: sk-upstream-openai
          - model_name: chat-only
            litellm_params:
              model: petals/bridge-model
          - model_name: wild/*
            litellm_params:
              model: openai/*
              api_base: {fake}/v1
              api_key: sk-upstream-openai
        """;
}
