using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Replicas;
using LiteAspire.Proxy.Routing;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiteAspire.Proxy.Management.Models;

/// <summary>Registers the models stored in the database: their encryption and the sync that routes to them.</summary>
public static class ModelServiceExtensions
{
    /// <summary>Adds <see cref="LiteLLMSecretBox"/> and <see cref="ModelTableSync"/> (also as a hosted service: it loads the stored models at start).</summary>
    public static IServiceCollection AddStoredModels(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => LiteLLMSecretBox.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<MasterKey>()));
        services.TryAddSingleton(sp => new ModelTableSync(sp.GetRequiredService<ModelRouter>(), sp.GetRequiredService<ProxyConfig>(),
            sp.GetRequiredService<DeploymentResolver>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<LiteLLMSecretBox>(),
            sp.GetRequiredService<ILogger<ModelTableSync>>(), sp.ReplicaLink()));
        services.AddHostedService(sp => sp.GetRequiredService<ModelTableSync>());
        return services;
    }
}
