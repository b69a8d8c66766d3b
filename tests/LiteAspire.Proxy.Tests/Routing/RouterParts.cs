using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Health;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;
using LiteAspire.Proxy.Spend;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiteAspire.Proxy.Tests.Routing;

/// <summary>The router's parts built from a config.yaml, on a fake clock, for routing decisions without HTTP.</summary>
internal sealed class RouterParts
{
    public RouterParts(string yaml)
    {
        Config = ProxyConfigLoader.Parse(yaml, environment: _ => null);
        Router = new ModelRouter(new DeploymentTable(Config, new DeploymentResolver(new ProviderRegistry(), _ => null)));
        Policy = new RouterPolicy(Config);
        States = new DeploymentStates(Time);
        Cooldowns = new Cooldowns(States, Router, NullLogger<Cooldowns>.Instance);
        Usage = new LocalDeploymentUsage(States);
        Prices = new DeploymentPrices(ModelPriceTable.Shipped);
        Strategy = Policy.Strategy switch
        {
            RoutingStrategyName.LeastBusy => new LeastBusyStrategy(States),
            RoutingStrategyName.LatencyBased => new LatencyStrategy(States, Policy),
            RoutingStrategyName.UsageBased => new UsageStrategy(Usage),
            RoutingStrategyName.CostBased => new CostStrategy(Prices),
            _ => new SimpleShuffleStrategy(),
        };
        Picker = new DeploymentPicker(Strategy, Cooldowns, States, Usage, Policy, Prices, Health);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    public ProxyConfig Config { get; }

    public ModelRouter Router { get; }

    public RouterPolicy Policy { get; }

    public DeploymentStates States { get; }

    public Cooldowns Cooldowns { get; }

    public LocalDeploymentUsage Usage { get; }

    public DeploymentPrices Prices { get; }

    public IRoutingStrategy Strategy { get; }

    public DeploymentHealthBoard Health { get; } = new();

    public DeploymentPicker Picker { get; }

    /// <summary>Picks for <paramref name="model"/> <paramref name="times"/> times; how often each deployment id was picked.</summary>
    public Dictionary<string, int> Count(string model, int times, bool stream = false, Action<DeploymentEntry>? afterPick = null)
    {
        var route = Router.Find(model);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var request = new RouteRequest { Stream = stream };
        for (var i = 0; i < times; i++)
        {
            var entry = Picker.Pick(route, null, request);
            counts[entry.Id] = counts.GetValueOrDefault(entry.Id) + 1;
            afterPick?.Invoke(entry);
        }

        return counts;
    }

    /// <summary>Asserts <paramref name="observed"/> of <paramref name="total"/> is within 5 % (relative) of <paramref name="expectedShare"/>.</summary>
    public static void AssertShare(int observed, int total, double expectedShare)
    {
        var share = (double)observed / total;
        Assert.True(Math.Abs(share - expectedShare) <= 0.05 * expectedShare, $"share {share:P2}, expected {expectedShare:P2} ± 5 %");
    }
}
