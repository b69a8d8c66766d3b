using System.Text;

using BenchmarkDotNet.Attributes;

using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Health;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;
using LiteAspire.Proxy.Spend;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Benchmarks.Routing;

/// <summary>
/// One routing decision as a request makes it: find the group, leave out cooling/limited deployments, keep the lowest
/// order tier, let the strategy pick. The router's services come from the proxy's own registration (AddRouter).
/// Target: ≤ 20 µs p50 (the Median column).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RoutingDecisionBenchmarks
{
    private ServiceProvider _services = null!;
    private RouterExecutor _router = null!;
    private DeploymentPicker _picker = null!;
    private readonly RouteRequest _request = new();

    /// <summary>LiteLLM's strategy names.</summary>
    [Params("simple-shuffle", "least-busy", "latency-based-routing", "usage-based-routing-v2", "cost-based-routing")]
    public string Strategy { get; set; } = "simple-shuffle";

    /// <summary>Deployments in the group.</summary>
    [Params(2, 16)]
    public int Deployments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var yaml = new StringBuilder($"router_settings:\n  routing_strategy: {Strategy}\nmodel_list:\n");
        for (var i = 0; i < Deployments; i++)
        {
            // rpm and tpm on every deployment: the limit filter runs too.
            yaml.Append($"  - model_name: g\n    litellm_params: {{ model: openai/gpt-4o-mini, api_base: \"http://127.0.0.1:{9000 + i}/v1\", rpm: 1000000000, tpm: 1000000000, weight: {i + 1} }}\n");
        }

        var config = ProxyConfigLoader.Parse(yaml.ToString(), environment: _ => null);
        var services = new ServiceCollection().AddLogging().AddSingleton(config).AddSingleton(TimeProvider.System)
            .AddSingleton<ProviderRegistry>()
            .AddSingleton(sp => new DeploymentResolver(sp.GetRequiredService<ProviderRegistry>(), _ => null))
            .AddSingleton(sp => new DeploymentTable(config, sp.GetRequiredService<DeploymentResolver>()))
            .AddSingleton<ModelRouter>()
            .AddSingleton(ModelPriceTable.Shipped)
            .AddSingleton<DeploymentPrices>()
            .AddSingleton<IDeploymentHealth, DeploymentHealthBoard>()
            .AddSingleton<Proxy.Pipeline.GatewaySettings>()
            .AddSingleton(sp => new Proxy.Auth.ModelAccess(sp.GetRequiredService<ModelRouter>()));
        services.AddRouter();
        _services = services.BuildServiceProvider();
        _router = _services.GetRequiredService<RouterExecutor>();
        _picker = _services.GetRequiredService<DeploymentPicker>();

        // Latency samples and usage so every strategy compares real numbers.
        var states = _services.GetRequiredService<DeploymentStates>();
        var usage = _services.GetRequiredService<IDeploymentUsage>();
        foreach (var entry in _router.Find("g").Candidates)
        {
            for (var s = 0; s < DeploymentState.LatencySamples; s++)
            {
                states.For(entry.Id).Succeeded(states.Minute, 100 + s + entry.Weight, stream: false, states.NowMs);
            }

            usage.AddTokens(entry.Id, 1000 * (long)entry.Weight);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "routing decision: find group, filter, tier, strategy")]
    public DeploymentEntry Decide() => _picker.Pick(_router.Find("g"), null, _request);
}
