using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Spend;

using Microsoft.Extensions.Logging.Testing;

namespace LiteAspire.Proxy.Tests.Spend.Cost;

/// <summary>The formula, tiers, price lookup and overrides, on deployments built in the test.</summary>
public sealed class CostCalculatorTests
{
    private readonly FakeLogger<CostCalculator> _logger = new();

    private CostCalculator Calculator() => new(new DeploymentPrices(ModelPriceTable.Shipped), _logger);

    private static ResolvedDeployment Deployment(string provider, string model, string group = "group", Dictionary<string, object?>? parameters = null,
        Dictionary<string, object?>? modelInfo = null) => new()
        {
            ModelGroup = group,
            Id = Guid.NewGuid().ToString(),
            Provider = provider,
            UpstreamModel = model,
            Params = parameters ?? [],
            ModelInfo = modelInfo ?? [],
        };

    private static CallUsage Tokens(long prompt, long completion, long cacheRead = 0, long cacheCreation = 0, long reasoning = 0) =>
        new(new UsageTokens(prompt, completion, cacheRead, cacheCreation, reasoning));

    [Fact]
    public void Tiers_PromptAboveThreshold_WholeRequestAtTierPrices()
    {
        var price = ModelPrice.From(new Dictionary<string, decimal>
        {
            ["input_cost_per_token"] = 1e-6m,
            ["output_cost_per_token"] = 2e-6m,
            ["input_cost_per_token_above_128k_tokens"] = 2e-6m,
            ["output_cost_per_token_above_128k_tokens"] = 4e-6m,
            ["input_cost_per_token_above_200k_tokens"] = 3e-6m,
        });

        // Exactly at the threshold is not above it.
        Assert.Equal((128000 * 1e-6m) + (10 * 2e-6m), CostCalculator.Cost(price, Tokens(128000, 10)));
        Assert.Equal((128001 * 2e-6m) + (10 * 4e-6m), CostCalculator.Cost(price, Tokens(128001, 10)));
        // The 200k tier does not reprice output: the 128k tier's output price holds.
        Assert.Equal((200001 * 3e-6m) + (10 * 4e-6m), CostCalculator.Cost(price, Tokens(200001, 10)));
    }

    [Fact]
    public void Cost_ReasoningPrice_ReasoningTokensAtIt()
    {
        var price = ModelPrice.From(new Dictionary<string, decimal>
        {
            ["input_cost_per_token"] = 1e-6m, ["output_cost_per_token"] = 4e-6m, ["output_cost_per_reasoning_token"] = 8e-6m,
        });

        Assert.Equal((100 * 1e-6m) + (70 * 4e-6m) + (30 * 8e-6m), CostCalculator.Cost(price, Tokens(100, 100, reasoning: 30)));
    }

    [Fact]
    public void Cost_NoCachePrices_CacheTokensAtTheInputPrice()
    {
        var price = ModelPrice.From(new Dictionary<string, decimal> { ["input_cost_per_token"] = 1e-6m, ["output_cost_per_token"] = 2e-6m });

        Assert.Equal(1000 * 1e-6m, CostCalculator.Cost(price, Tokens(1000, 0, cacheRead: 600, cacheCreation: 300)));
    }

    [Fact]
    public void Calculate_ProviderPrefixedAndBareKeys_EachProvidersOwnPrice()
    {
        var calculator = Calculator();

        // gemini/gemini-2.0-flash: 0.10/M in; Vertex's gemini-2.0-flash: 0.15/M in.
        Assert.Equal(1000 * 0.1e-6m, calculator.Calculate(Deployment("gemini", "gemini-2.0-flash"), Tokens(1000, 0)));
        Assert.Equal(1000 * 0.15e-6m, calculator.Calculate(Deployment("vertex_ai", "gemini-2.0-flash"), Tokens(1000, 0)));
        // openai/gpt-4o is found as gpt-4o: 2.50/M in, 10/M out.
        Assert.Equal((1000 * 2.5e-6m) + (100 * 10e-6m), calculator.Calculate(Deployment("openai", "gpt-4o"), Tokens(1000, 100)));
    }

    [Fact]
    public void Calculate_BaseModel_WinsOverModelAndGroup()
    {
        var deployment = Deployment("azure", "gpt-4o", group: "gpt-4o-mini", modelInfo: new() { ["base_model"] = "azure/gpt-4.1" });

        // azure/gpt-4.1: 2/M in, 8/M out (not gpt-4o's 2.50 and 10, nor gpt-4o-mini's).
        Assert.Equal((1000 * 2e-6m) + (100 * 8e-6m), Calculator().Calculate(deployment, Tokens(1000, 100)));
    }

    [Fact]
    public void Calculate_UnknownModelPricedGroup_GroupPrices()
    {
        // The model group names a priced model: claude-haiku-4-5, 1/M in, 5/M out.
        var deployment = Deployment("anthropic", "my-proxy-alias", group: "claude-haiku-4-5");

        Assert.Equal((1000 * 1e-6m) + (100 * 5e-6m), Calculator().Calculate(deployment, Tokens(1000, 100)));
    }

    [Fact]
    public void Calculate_DeploymentPrices_OverrideTheTableFieldByField()
    {
        var deployment = Deployment("openai", "gpt-4o",
            parameters: new() { ["input_cost_per_token"] = 1e-6 },
            modelInfo: new() { ["input_cost_per_token"] = "5e-6", ["cache_read_input_token_cost"] = "0.0000001" });

        // litellm_params' input price wins over model_info's; model_info's cache price applies; the output price stays the table's 10/M.
        Assert.Equal((400 * 1e-6m) + (600 * 0.1e-6m) + (100 * 10e-6m), Calculator().Calculate(deployment, Tokens(1000, 100, cacheRead: 600)));
    }

    [Fact]
    public void Calculate_UnpricedModelWithConfigPrices_Priced()
    {
        var deployment = Deployment("hosted_vllm", "my-llama", modelInfo: new() { ["input_cost_per_token"] = 0.5e-6, ["output_cost_per_token"] = 1.5e-6 });

        Assert.Equal((1000 * 0.5e-6m) + (100 * 1.5e-6m), Calculator().Calculate(deployment, Tokens(1000, 100)));
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public void Calculate_UnknownModel_ZeroAndOneWarningPerModel()
    {
        var calculator = Calculator();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0m, calculator.Calculate(Deployment("openai", "my-finetune"), Tokens(1000, 100)));
        }

        Assert.Equal(0m, calculator.Calculate(Deployment("openai", "other-finetune"), Tokens(1000, 100)));
        var warnings = _logger.Collector.GetSnapshot();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("openai/my-finetune", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("openai/other-finetune", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_Media_ImagesSecondsAndCharacters()
    {
        var calculator = Calculator();

        Assert.Equal(3 * 0.04m, calculator.Calculate(Deployment("openai", "dall-e-3"), new CallUsage(default, Images: 3)));
        Assert.Equal(61.5m * 0.0001m, calculator.Calculate(Deployment("openai", "whisper-1"), new CallUsage(default, Seconds: 61.5m)));
        Assert.Equal(1000 * 15e-6m, calculator.Calculate(Deployment("openai", "tts-1"), new CallUsage(default, Characters: 1000)));
    }

    [Fact]
    public void Calculate_BedrockCrossRegionProfile_RegionPriceOrBaseModelPrice()
    {
        var calculator = Calculator();

        // us. Sonnet 4.5 has its own (10 % higher) price; us. Nova Pro falls back to amazon.nova-pro-v1:0 (0.80/M in).
        Assert.Equal(1000 * 3.3e-6m, calculator.Calculate(Deployment("bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"), Tokens(1000, 0)));
        Assert.Equal(1000 * 0.8e-6m, calculator.Calculate(Deployment("bedrock", "converse/us.amazon.nova-pro-v1:0"), Tokens(1000, 0)));
    }
}
