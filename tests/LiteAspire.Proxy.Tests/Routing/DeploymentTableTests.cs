using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Tests.Routing;

public sealed class DeploymentTableTests
{
    private static DeploymentTable Table(string yaml) =>
        new(ProxyConfigLoader.Parse(yaml, environment: _ => null), new DeploymentResolver(new ProviderRegistry(), _ => null));

    [Theory]
    [InlineData("gpt-4o", "openai", "gpt-4o")]
    [InlineData("openai/gpt-4o", "openai", "gpt-4o")]
    [InlineData("text-completion-openai/gpt-3.5-turbo-instruct", "text-completion-openai", "gpt-3.5-turbo-instruct")]
    [InlineData("hosted_vllm/meta-llama/Llama-3.1-8B", "hosted_vllm", "meta-llama/Llama-3.1-8B")]
    [InlineData("meta-llama/Llama-3.1-8B", "openai", "meta-llama/Llama-3.1-8B")]
    [InlineData("claude-3-5-sonnet-20241022", "anthropic", "claude-3-5-sonnet-20241022")]
    [InlineData("bedrock/anthropic.claude-3-sonnet-20240229-v1:0", "bedrock", "anthropic.claude-3-sonnet-20240229-v1:0")]
    [InlineData("azure/my-deployment", "azure", "my-deployment")]
    public void Split_ModelName_YieldsProviderAndUpstreamModel(string model, string provider, string upstream)
    {
        Assert.Equal((provider, upstream), ProviderModelName.Split(model));
    }

    [Fact]
    public void DeploymentId_ModelInfoId_IsUsed_ElseStableHash()
    {
        var table = Table("""
            model_list:
              - model_name: a
                litellm_params: { model: openai/gpt-4o, api_key: k1 }
                model_info: { id: my-id }
              - model_name: a
                litellm_params: { model: openai/gpt-4o, api_key: k1 }
              - model_name: a
                litellm_params: { model: openai/gpt-4o, api_key: k1, api_base: "http://other" }
            """);
        var again = Table("""
            model_list:
              - model_name: a
                litellm_params: { model: openai/gpt-4o, api_key: k1 }
            """);

        Assert.Equal("my-id", table.Deployments[0].Deployment.Id);
        Assert.Matches("^[0-9a-f]{64}$", table.Deployments[1].Deployment.Id);
        Assert.Equal(table.Deployments[1].Deployment.Id, again.Deployments[0].Deployment.Id);
        Assert.NotEqual(table.Deployments[1].Deployment.Id, table.Deployments[2].Deployment.Id);
    }

    [Fact]
    public void Find_ExactAliasAndWildcards_PickTheMostSpecific()
    {
        var table = Table("""
            model_list:
              - model_name: gpt-4o
                litellm_params: { model: openai/gpt-4o }
              - model_name: "anthropic/*"
                litellm_params: { model: "anthropic/*" }
              - model_name: "*"
                litellm_params: { model: "openai/*" }
            router_settings:
              model_group_alias:
                fast: gpt-4o
                secret: { model: gpt-4o, hidden: true }
            """);

        var exact = table.Find("gpt-4o")!;
        var alias = table.Find("fast")!;
        var anthropic = table.Find("anthropic/claude-3-5-haiku")!;
        var catchAll = table.Find("gpt-4.1")!;

        Assert.Null(exact.WildcardMatch);
        Assert.Equal("gpt-4o", alias.ModelGroup);
        Assert.Equal("anthropic/*", anthropic.Candidates[0].Source.ModelName);
        var anthropicDeployment = table.Materialize(anthropic, anthropic.Candidates[0]);
        Assert.Equal(("anthropic", "claude-3-5-haiku"), (anthropicDeployment.Provider, anthropicDeployment.UpstreamModel));
        Assert.Equal("anthropic/claude-3-5-haiku", anthropicDeployment.ModelGroup);
        var catchAllDeployment = table.Materialize(catchAll, catchAll.Candidates[0]);
        Assert.Equal(("openai", "gpt-4.1"), (catchAllDeployment.Provider, catchAllDeployment.UpstreamModel));
        Assert.Contains("fast", table.PublicModelNames);
        Assert.DoesNotContain("secret", table.PublicModelNames);
        Assert.NotNull(table.Find("secret"));
    }

    [Fact]
    public void Router_UnknownModel_ThrowsInvalidModel()
    {
        var router = new ModelRouter(Table("model_list:\n  - model_name: a\n    litellm_params: { model: gpt-4o }\n"));

        var error = Assert.Throws<GatewayException>(() => router.Find("b"));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Invalid model name passed in model=b. Call /v1/models to view available models for your key.", error.Message);
    }

    [Fact]
    public void Resolve_LiteLLMParams_KeepsExtraParamsAndTimeout()
    {
        var table = Table("""
            model_list:
              - model_name: a
                litellm_params: { model: openai/x, timeout: 12, temperature: 0.1, api_version: v }
            """);

        var deployment = table.Deployments[0].Deployment;

        Assert.Equal(TimeSpan.FromSeconds(12), deployment.Timeout);
        Assert.Equal(0.1, deployment.Params["temperature"]);
        Assert.Equal("v", deployment.ApiVersion);
    }
}
