using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Routing;

/// <summary>LiteLLM's cost-based-routing: the lowest input + output price per token (1 USD each when unpriced), ties at random.</summary>
public sealed class CostStrategy(DeploymentPrices prices) : IRoutingStrategy
{
    /// <summary>What LiteLLM assumes an unpriced token costs.</summary>
    public const double UnknownPricePerToken = 1.0;

    /// <inheritdoc />
    public DeploymentEntry Select(IReadOnlyList<DeploymentEntry> candidates, bool stream)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.Count == 1 ? candidates[0] : RoutingRandom.Lowest(candidates, PricePerToken);
    }

    private double PricePerToken(DeploymentEntry entry)
    {
        if (prices.For(entry.Deployment) is not { } price)
        {
            return 2 * UnknownPricePerToken;
        }

        var input = price.Field("input_cost_per_token") is { } i ? (double)i : UnknownPricePerToken;
        var output = price.Field("output_cost_per_token") is { } o ? (double)o : UnknownPricePerToken;
        return input + output;
    }
}
