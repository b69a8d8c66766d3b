namespace LiteAspire.Proxy.Routing;

/// <summary>Picks one deployment among the candidates the filters left (healthy, under their limits, in the lowest order tier).</summary>
public interface IRoutingStrategy
{
    /// <summary>Picks one of <paramref name="candidates"/> (never empty) for a request that streams when <paramref name="stream"/>.</summary>
    DeploymentEntry Select(IReadOnlyList<DeploymentEntry> candidates, bool stream);
}

/// <summary>The random draws the strategies share.</summary>
internal static class RoutingRandom
{
    // Load balancing, not security: a fast non-cryptographic random is the right tool.
#pragma warning disable CA5394
    public static double NextDouble() => Random.Shared.NextDouble();

    public static int Next(int count) => Random.Shared.Next(count);
#pragma warning restore CA5394

    /// <summary>A uniform pick among the candidates whose score equals the lowest (ties broken at random, so load spreads).</summary>
    public static DeploymentEntry Lowest(IReadOnlyList<DeploymentEntry> candidates, Func<DeploymentEntry, double> score)
    {
        var best = double.MaxValue;
        var ties = 0;
        DeploymentEntry? pick = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var value = score(candidates[i]);
            if (value < best)
            {
                (best, ties, pick) = (value, 1, candidates[i]);
            }
            else if (value == best && Next(++ties) == 0)
            {
                // Reservoir sampling over the ties: each is kept with probability 1/ties.
                pick = candidates[i];
            }
        }

        return pick ?? candidates[0];
    }
}
