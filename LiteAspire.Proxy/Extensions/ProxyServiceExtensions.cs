using System.Text.Encodings.Web;

using LiteAspire.Proxy.AnthropicApi;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Caching;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Endpoints;
using LiteAspire.Proxy.Enforcement;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Health;
using LiteAspire.Proxy.Management;
using LiteAspire.Proxy.Management.Models;
using LiteAspire.Proxy.Management.Settings;
using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiteAspire.Proxy.Extensions;

/// <summary>Everything the proxy registers and maps, in one place, so Program.cs stays a few lines.</summary>
public static class ProxyServiceExtensions
{
    /// <summary>Loads config.yaml first (its environment variables feed everything after), then service defaults, database and Redis.</summary>
    /// <exception cref="LiteAspire.Data.StartupConfigurationException">The config file or a connection setting cannot be used.</exception>
    public static WebApplicationBuilder AddProxyServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.AddProxyConfig();
        // The upstream clients are the proxy's only ones and set themselves up (UpstreamClientRegistration).
        builder.AddServiceDefaults(httpClientDefaults: false);
        builder.AddLiteLLMDatabase(config.GeneralSettings.DatabaseUrl);
        builder.AddLiteLLMRedis();
        builder.Services.AddResponseCache(config);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(options =>
            // Python's JSON leaves ' and + alone ("I'm alive!"); clients comparing bodies expect the same.
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.AddGateway();
        builder.Services.AddEnforcement(builder.Configuration);
        return builder;
    }

    /// <summary>The gateway: provider registry, routing snapshot, pipelines, the upstream HttpClient, auth and error filters.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services)
    {
        services.TryAddSingleton<ProviderRegistry>();
        services.TryAddSingleton(sp => new DeploymentResolver(sp.GetRequiredService<ProviderRegistry>()));
        services.TryAddSingleton(sp => new DeploymentTable(sp.GetRequiredService<ProxyConfig>(), sp.GetRequiredService<DeploymentResolver>()));
        services.TryAddSingleton<ModelRouter>();
        services.AddRouter();
        services.TryAddSingleton<GatewaySettings>();
        services.TryAddSingleton(_ => Spend.ModelPriceTable.Shipped);
        services.TryAddSingleton<Spend.DeploymentPrices>();
        services.TryAddSingleton<ICostCalculator, Spend.CostCalculator>();
        services.TryAddSingleton<ChatPipeline>();
        services.TryAddSingleton<EmbeddingPipeline>();
        services.AddOffResponseCache();
        services.TryAddSingleton<OpenAIPassthrough>();
        services.TryAddSingleton<GatewayErrorFilter>();
        services.AddProxyAuth();
        services.AddStoredModels();
        services.TryAddSingleton<IOpenAIChatExecutor, PipelineChatExecutor>();
        services.AddUpstreamHttpClient();
        services.AddDeploymentHealth();
        return services;
    }

    /// <summary>
    /// Error handling first, then the health endpoints (ServiceDefaults' at <see cref="LiteLLMHealthEndpoints.DependenciesPath"/>
    /// and LiteLLM's public probes; LiteLLM's authenticated <c>/health</c>), then the LLM routes.
    /// </summary>
    public static WebApplication MapProxyEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOpenAIErrors();
        app.MapDefaultEndpoints(LiteLLMHealthEndpoints.DependenciesPath);
        app.MapLiteLLMHealthEndpoints();
        app.MapDeploymentHealthEndpoints();
        app.MapLlmEndpoints();
        app.MapAnthropicMessagesEndpoint();
        app.MapManagementEndpoints();
        app.MapCacheEndpoints();
        app.MapSettingsEndpoints();
        // Build the routing snapshot now, not on the first request: it is immutable and the hot path only reads it.
        _ = app.Services.GetRequiredService<ModelRouter>();
        return app;
    }

    /// <summary>Deployment health checks: the probe, the checker, the board the router reads, and the background loop.</summary>
    public static IServiceCollection AddDeploymentHealth(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => HealthCheckSettings.From(sp.GetRequiredService<ProxyConfig>()));
        services.TryAddSingleton<DeploymentProbe>();
        services.TryAddSingleton<DeploymentHealthChecker>();
        services.TryAddSingleton<DeploymentHealthBoard>();
        services.TryAddSingleton<IDeploymentHealth>(sp => sp.GetRequiredService<DeploymentHealthBoard>());
        services.AddHostedService<BackgroundHealthChecks>();
        return services;
    }
}
