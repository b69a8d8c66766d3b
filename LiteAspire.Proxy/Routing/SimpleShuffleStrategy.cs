namespace LiteAspire.Proxy.Routing;

/// <summary>LiteLLM's simple-shuffle: a random pick weighted by <c>weight</c>, else <c>rpm</c>, else <c>tpm</c>, else uniform.</summary>
public sealed class SimpleShuffleStrategy : IRoutingStrategy
{
    /// <inheritdoc />
    public DeploymentEntry Select(IReadOnlyList<DeploymentEntry> candidates, bool stream)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var total = 0.0;
        for (var i = 0; i < candidates.Count; i++)
        {
            total += candidates[i].Weight;
        }

        var pick = RoutingRandom.NextDouble() * total;
        for (var i = 0; i < candidates.Count; i++)
        {
            pick -= candidates[i].Weight;
            if (pick < 0)
            {
                return candidates[i];
            }
        }

        return candidates[^1];
    }
}
