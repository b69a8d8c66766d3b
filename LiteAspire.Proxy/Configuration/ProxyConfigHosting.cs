using LiteAspire.Data.Budgets;
using LiteAspire.Data.Configuration;
using LiteAspire.Data.Hosting;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiteAspire.Proxy.Configuration;

/// <summary>Loads config.yaml at start, applies its environment variables and listen address, and registers the snapshot.</summary>
public static class ProxyConfigHosting
{
    private const string LogCategory = "LiteAspire.Proxy.Configuration";

    /// <summary>
    /// Reads the file named by <c>--config</c> or <c>CONFIG_FILE_PATH</c> (none: an empty config), copies its
    /// <c>environment_variables</c> into the process environment and the app configuration, applies <c>--port</c>/<c>--host</c>,
    /// and registers <see cref="ProxyConfig"/> and <see cref="MasterKey"/> as singletons.
    /// </summary>
    /// <exception cref="ProxyConfigException">The file is missing or malformed, or the port is invalid.</exception>
    public static ProxyConfig AddProxyConfig(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = LiteLLMConfigDocument.PathFrom(builder.Configuration);
        var config = path is null ? ProxyConfig.Empty : ProxyConfigLoader.LoadFile(path);
        ApplyEnvironmentVariables(builder, config);

        if (ListenAddress.FromConfiguration(builder.Configuration) is { } url)
        {
            builder.WebHost.UseUrls(url);
        }

        var masterKey = MasterKey.Resolve(config, builder.Configuration);
        UseBudgetTimeZone(builder.Services, config);
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(masterKey);
        LogAtStart(builder.Services, config, masterKey);
        return config;
    }

    // litellm_settings.timezone: where budget periods end; the Worker reads the same key, so both write the same budget_reset_at.
    private static void UseBudgetTimeZone(IServiceCollection services, ProxyConfig config)
    {
        var calendar = BudgetCalendar.FromTimeZoneName(config.LiteLLMSettings.Extra.GetValueOrDefault("timezone") as string, out var warning);
        BudgetCalendar.Default = calendar;
        services.AddSingleton(calendar);
        if (warning is not null)
        {
            services.AddStartupLog(LogCategory, LogLevel.Warning, warning);
        }
    }

    // LiteLLM sets os.environ from the file; here the values also go into IConfiguration, which has already read the environment.
    private static void ApplyEnvironmentVariables(WebApplicationBuilder builder, ProxyConfig config)
    {
        if (config.EnvironmentVariables.Count == 0)
        {
            return;
        }

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in config.EnvironmentVariables)
        {
            Environment.SetEnvironmentVariable(name, value);
            overrides[name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = value;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
    }

    private static void LogAtStart(IServiceCollection services, ProxyConfig config, MasterKey masterKey)
    {
        var groups = config.ModelList.Select(deployment => deployment.ModelName).Distinct(StringComparer.Ordinal).Count();
        services.AddStartupLog(LogCategory, LogLevel.Information, config.SourcePath is null
            ? "No config file given (--config or CONFIG_FILE_PATH): starting with no models."
            : $"Loaded {config.SourcePath}: {config.ModelList.Count} deployments in {groups} model groups.");

        foreach (var warning in config.Warnings)
        {
            services.AddStartupLog(LogCategory, LogLevel.Warning, warning);
        }

        services.AddStartupLog(LogCategory, LogLevel.Information, masterKey.IsSet
            ? $"Master key set (from {masterKey.Source})."
            : "No master key set (general_settings.master_key or LITELLM_MASTER_KEY): every caller is treated as the admin.");

        if (masterKey.Value is { } key && !key.StartsWith("sk-", StringComparison.Ordinal))
        {
            services.AddStartupLog(LogCategory, LogLevel.Warning,
                $"The master key (from {masterKey.Source}) does not start with 'sk-'; LiteLLM clients and UIs expect that prefix.");
        }
    }
}
