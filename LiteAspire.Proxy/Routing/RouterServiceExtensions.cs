using System.Runtime.CompilerServices;

using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Replicas;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiteAspire.Proxy.Routing;

/// <summary>Registers the router: policy, strategy, per-deployment state, usage, cooldowns (shared through Redis when there is one).</summary>
public static class RouterServiceExtensions
{
    /// <summary>Adds the router's services.</summary>
    public static IServiceCollection AddRouter(this IServiceCollection services)
    {
        services.TryAddSingleton<RouterPolicy>();
        services.TryAddSingleton<DeploymentStates>();
        services.TryAddSingleton(sp => sp.HasRedis() && NeedsSharedUsage(sp) ? RedisServices.Usage(sp) : new LocalDeploymentUsage(sp.GetRequiredService<DeploymentStates>()));
        services.TryAddSingleton(sp => new Cooldowns(sp.GetRequiredService<DeploymentStates>(), sp.GetRequiredService<ModelRouter>(),
            sp.GetRequiredService<ILogger<Cooldowns>>(), sp.ReplicaLink()));
        services.AddHostedService(sp => sp.GetRequiredService<Cooldowns>());
        services.TryAddSingleton(StrategyFor);
        services.TryAddSingleton<DeploymentPicker>();
        services.TryAddSingleton<RouterExecutor>();
        return services;
    }

    private static IRoutingStrategy StrategyFor(IServiceProvider sp) => sp.GetRequiredService<RouterPolicy>().Strategy switch
    {
        RoutingStrategyName.LeastBusy => new LeastBusyStrategy(sp.GetRequiredService<DeploymentStates>()),
        RoutingStrategyName.LatencyBased => new LatencyStrategy(sp.GetRequiredService<DeploymentStates>(), sp.GetRequiredService<RouterPolicy>()),
        RoutingStrategyName.UsageBased => new UsageStrategy(sp.GetRequiredService<IDeploymentUsage>()),
        RoutingStrategyName.CostBased => new CostStrategy(sp.GetRequiredService<Spend.DeploymentPrices>()),
        _ => new SimpleShuffleStrategy(),
    };

    // Shared counters cost a Redis round trip a few times a second: only when usage routes or limits a deployment.
    private static bool NeedsSharedUsage(IServiceProvider sp) =>
        sp.GetRequiredService<RouterPolicy>().Strategy == RoutingStrategyName.UsageBased
        || sp.GetRequiredService<ProxyConfig>().ModelList.Any(model => model.LiteLLMParams.Rpm is not null || model.LiteLLMParams.Tpm is not null);

    // Named only here, so a proxy without Redis never loads StackExchange.Redis.
#pragma warning disable CA1859
    private static class RedisServices
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static IDeploymentUsage Usage(IServiceProvider sp) => new RedisDeploymentUsage(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(),
            sp.GetRequiredService<DeploymentStates>(), sp.GetRequiredService<ILogger<RedisDeploymentUsage>>());
    }
#pragma warning restore CA1859
}
