using LiteAspire.Data.Database;
using LiteAspire.Proxy.Auth.Jwt;
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
        AddJwtAuth(services);
        services.TryAddSingleton(sp => new RequestAuthenticator(sp.GetRequiredService<MasterKey>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ApiKeyCache>(),
            sp.GetRequiredService<JwtAuthSettings>().Enabled ? new Lazy<IJwtAuthenticator>(sp.GetRequiredService<IJwtAuthenticator>) : null));
        services.TryAddSingleton<ProxyAuthFilter>();
        return services;
    }

    // Only factories are registered (no typeof of a class holding IdentityModel types): none of them runs, and no
    // Microsoft.IdentityModel type is loaded, unless enable_jwt_auth is set and a JWT-shaped bearer arrives.
    private static void AddJwtAuth(IServiceCollection services)
    {
        services.TryAddSingleton(sp => JwtAuthSettings.From(sp.GetRequiredService<ProxyConfig>(), sp.GetRequiredService<IConfiguration>()));
        services.AddHttpClient(JwksCache.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton(sp => new JwtIdentityStore(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<JwtAuthSettings>(),
            sp.GetRequiredService<AuthSettings>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<JwtIdentityStore>>(),
            sp.ReplicaLink()));
        services.TryAddSingleton<IJwtAuthenticator>(sp => new JwtAuthenticator(sp.GetRequiredService<JwtAuthSettings>(),
            new JwksCache(sp.GetRequiredService<JwtAuthSettings>(), sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<JwksCache>>()),
            sp.GetRequiredService<JwtIdentityStore>()));
    }
}
