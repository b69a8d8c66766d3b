namespace LiteAspire.Proxy.Routing;

/// <summary>Picks one deployment of a model group; the seam the full router (retries, cooldowns, strategies) replaces.</summary>
public interface IDeploymentSelector
{
    /// <summary>Picks one of <paramref name="candidates"/> (never empty).</summary>
    DeploymentEntry Select(IReadOnlyList<DeploymentEntry> candidates);
}

/// <summary>LiteLLM's simple-shuffle: the lowest <c>order</c> tier first, then a weighted random pick within it.</summary>
public sealed class SimpleShuffleSelector : IDeploymentSelector
{
    /// <inheritdoc />
    public DeploymentEntry Select(IReadOnlyList<DeploymentEntry> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var lowest = long.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            lowest = Math.Min(lowest, candidates[i].Order);
        }

        var total = 0.0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Order == lowest)
            {
                total += candidates[i].Weight;
            }
        }

        // Load balancing, not security: a fast non-cryptographic random is the right tool.
#pragma warning disable CA5394
        var pick = Random.Shared.NextDouble() * total;
#pragma warning restore CA5394
        DeploymentEntry? last = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var entry = candidates[i];
            if (entry.Order != lowest)
            {
                continue;
            }

            last = entry;
            pick -= entry.Weight;
            if (pick < 0)
            {
                return entry;
            }
        }

        return last ?? candidates[0];
    }
}
