using LiteAspire.Data.Database;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Replicas;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiteAspire.Proxy.Auth;

/// <summary>Registers the authenticator, the key cache, and the customer (end user) lookup and checks.</summary>
public static class AuthServiceExtensions
{
    /// <summary>Master key always; virtual keys when a database is configured (an <see cref="IApiKeyStore"/> is registered).</summary>
    public static IServiceCollection AddProxyAuth(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DatabaseConnection)))
        {
            services.TryAddSingleton<IApiKeyStore, DatabaseApiKeyStore>();
        }

        services.TryAddSingleton(sp => AuthSettings.From(sp.GetRequiredService<ProxyConfig>()));
        services.TryAddSingleton(sp => new ApiKeyCache(sp.GetService<IApiKeyStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AuthSettings>(), sp.GetRequiredService<ILogger<ApiKeyCache>>(), sp.ReplicaLink()));
        services.TryAddSingleton(sp => new EndUserLookup(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AuthSettings>(), sp.GetRequiredService<ILogger<EndUserLookup>>(), sp.ReplicaLink()));
        services.TryAddSingleton<RequestAuthenticator>();
        services.TryAddSingleton<ProxyAuthFilter>();
        return services;
    }
}
