using System.Collections.Concurrent;

using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// LiteLLM's <c>generic_cost_per_token</c> over a deployment's prices (<see cref="DeploymentPrices"/>): uncached prompt
/// tokens at the input rate, cache reads and writes at their own rates, completion at the output rate with reasoning at
/// the reasoning rate, a whole request at a tier's rates once its prompt passes the tier; plus images, seconds of audio and
/// characters for the media routes. A model without prices costs 0, with one warning per model name.
/// </summary>
public sealed class CostCalculator(DeploymentPrices prices, ILogger<CostCalculator> logger) : ICostCalculator
{
    // Model names only: bounded by the config and the models added through the API.
    private readonly ConcurrentDictionary<(string Provider, string Model), bool> _warned = new();

    /// <inheritdoc />
    public decimal Calculate(ResolvedDeployment deployment, in CallUsage usage)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (prices.For(deployment) is not { } price)
        {
            WarnOnce(deployment);
            return 0m;
        }

        return Cost(price, usage);
    }

    /// <summary>The cost of <paramref name="usage"/> at <paramref name="price"/>.</summary>
    public static decimal Cost(ModelPrice price, in CallUsage usage)
    {
        ArgumentNullException.ThrowIfNull(price);
        var tokens = usage.Tokens;
        var rates = price.RatesFor(tokens.Prompt);
        // Every adapter counts cache reads and writes inside prompt_tokens (OpenAI has reads only); reasoning is inside completion_tokens.
        var cacheRead = Math.Clamp(tokens.CacheRead, 0, Math.Max(tokens.Prompt, 0));
        var cacheCreation = Math.Clamp(tokens.CacheCreation, 0, Math.Max(tokens.Prompt - cacheRead, 0));
        var text = Math.Max(tokens.Prompt - cacheRead - cacheCreation, 0);
        var reasoning = Math.Clamp(tokens.Reasoning, 0, Math.Max(tokens.Completion, 0));
        var answer = Math.Max(tokens.Completion - reasoning, 0);

        var cost = (text * rates.Input)
            + (cacheRead * (rates.CacheRead ?? rates.Input))
            + (cacheCreation * (rates.CacheCreation ?? rates.Input))
            + (answer * rates.Output)
            + (reasoning * (rates.Reasoning ?? rates.Output));
        if (usage.Images > 0)
        {
            cost += usage.Images * (price.OutputPerImage ?? price.InputPerImage ?? 0m);
        }

        if (usage.Seconds > 0)
        {
            cost += usage.Seconds * (price.InputPerSecond ?? 0m);
        }

        if (usage.Characters > 0)
        {
            cost += usage.Characters * (price.InputPerCharacter ?? 0m);
        }

        return cost;
    }

    private void WarnOnce(ResolvedDeployment deployment)
    {
        if (_warned.TryAdd((deployment.Provider, deployment.UpstreamModel), true))
        {
            logger.LogWarning(
                "No price for model {Model} (model group {ModelGroup}): its calls cost 0. Set model_info.base_model to a priced model, or input_cost_per_token / output_cost_per_token on the deployment.",
                deployment.Provider + "/" + deployment.UpstreamModel, deployment.ModelGroup);
        }
    }
}
