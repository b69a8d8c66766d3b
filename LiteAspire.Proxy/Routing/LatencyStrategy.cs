using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// LiteLLM's latency-based-routing: the deployment with the lowest mean latency over its last samples younger than
/// <c>routing_strategy_args.ttl</c> (time to first token for streams). A deployment without samples counts as fastest, so
/// every one gets tried. With <c>lowest_latency_buffer</c> b, the pick is random among those within (1 + b) × the best.
/// </summary>
public sealed class LatencyStrategy(DeploymentStates states, RouterPolicy policy) : IRoutingStrategy
{
    /// <summary>LiteLLM's default sample window, one hour.</summary>
    public const double DefaultTtlSeconds = 3600;

    private readonly long _maxAgeMs = (long)(1000 * (ConfigValues.NumberOf(policy.StrategyArgs.GetValueOrDefault("ttl")) ?? DefaultTtlSeconds));
    private readonly double _buffer = Math.Max(0, ConfigValues.NumberOf(policy.StrategyArgs.GetValueOrDefault("lowest_latency_buffer")) ?? 0);

    /// <inheritdoc />
    public DeploymentEntry Select(IReadOnlyList<DeploymentEntry> candidates, bool stream)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var now = states.NowMs;
        double Latency(DeploymentEntry entry) => states.For(entry.Id).AverageLatency(stream, now, _maxAgeMs) ?? 0;
        if (_buffer == 0)
        {
            return RoutingRandom.Lowest(candidates, Latency);
        }

        var best = double.MaxValue;
        for (var i = 0; i < candidates.Count; i++)
        {
            best = Math.Min(best, Latency(candidates[i]));
        }

        var limit = best * (1 + _buffer);
        return RoutingRandom.Lowest(candidates, entry => Latency(entry) <= limit ? 0 : 1);
    }
}
