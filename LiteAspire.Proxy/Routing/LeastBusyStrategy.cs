namespace LiteAspire.Proxy.Routing;

/// <summary>LiteLLM's least-busy: the deployment with the fewest calls in flight (on this replica), ties at random.</summary>
public sealed class LeastBusyStrategy(DeploymentStates states) : IRoutingStrategy
{
    /// <inheritdoc />
    public DeploymentEntry Select(IReadOnlyList<DeploymentEntry> candidates, bool stream)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.Count == 1 ? candidates[0] : RoutingRandom.Lowest(candidates, entry => states.For(entry.Id).InFlight);
    }
}
