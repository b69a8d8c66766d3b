namespace LiteAspire.Proxy.Routing;

/// <summary>LiteLLM's usage-based-routing(-v2): the deployment with the fewest tokens used this minute (across replicas with Redis), ties at random.</summary>
public sealed class UsageStrategy(IDeploymentUsage usage) : IRoutingStrategy
{
    /// <inheritdoc />
    public DeploymentEntry Select(IReadOnlyList<DeploymentEntry> candidates, bool stream)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.Count == 1 ? candidates[0] : RoutingRandom.Lowest(candidates, entry => usage.Current(entry.Id).Tokens);
    }
}
