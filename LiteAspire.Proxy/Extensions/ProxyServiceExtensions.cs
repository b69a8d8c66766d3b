using System.Text.Encodings.Web;

using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Health;

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
        builder.AddServiceDefaults();
        builder.AddLiteLLMDatabase(config.GeneralSettings.DatabaseUrl);
        builder.AddLiteLLMRedis();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(options =>
            // Python's JSON leaves ' and + alone ("I'm alive!"); clients comparing bodies expect the same.
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return builder;
    }

    /// <summary>Error handling first, then the health endpoints (ServiceDefaults' and LiteLLM's).</summary>
    public static WebApplication MapProxyEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOpenAIErrors();
        app.MapDefaultEndpoints();
        app.MapLiteLLMHealthEndpoints();
        return app;
    }
}
