using LiteAspire.Data.Budgets;
using LiteAspire.Data.Hosting;
using LiteAspire.Data.Spend;
using LiteAspire.Worker.Alerts;
using LiteAspire.Worker.Budgets;

using Microsoft.Extensions.DependencyInjection.Extensions;

using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the Worker's budget jobs: the reset job and budget alerts.</summary>
public static class BudgetJobsExtensions
{
    private const string LogCategory = "LiteAspire.Worker.Budgets";

    /// <summary>
    /// Reads the budget settings of config.yaml (<c>--config</c> / <c>CONFIG_FILE_PATH</c>), sets the process's
    /// <see cref="BudgetCalendar"/>, and registers <see cref="BudgetResetJob"/>, the <see cref="AlertSender"/> and the
    /// <see cref="BudgetAlertObserver"/> as the <see cref="ISpendCommitObserver"/>. Call after <c>AddLiteLLMDatabase</c> and
    /// <c>AddLiteLLMRedis</c>.
    /// </summary>
    /// <exception cref="LiteAspire.Data.StartupConfigurationException">The config file is missing or malformed.</exception>
    public static TBuilder AddBudgetJobs<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = BudgetSettings.Read(builder.Configuration);
        BudgetCalendar.Default = settings.Calendar;
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Calendar);
        services.AddSingleton(settings.Alerts);
        services.AddHostedService<BudgetResetJob>();

        var proxyBaseUrl = builder.Configuration["PROXY_BASE_URL"];
        services.AddSingleton(sp => new AlertSender(settings.Alerts,
            new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AlertSender>>(),
            proxyBaseUrl: proxyBaseUrl));
        services.AddHostedService(sp => sp.GetRequiredService<AlertSender>());
        services.AddSingleton<DatabaseAlertDedupe>();
        services.AddSingleton<IAlertDedupe>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisAlertDedupe(redis, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DatabaseAlertDedupe>(),
                sp.GetRequiredService<ILogger<RedisAlertDedupe>>())
            : sp.GetRequiredService<DatabaseAlertDedupe>());
        services.AddSingleton<ISpendCommitObserver, BudgetAlertObserver>();

        services.AddStartupLog(LogCategory, LogLevel.Information, settings.DisableResetBudget
            ? "Budget reset job off (general_settings.disable_reset_budget)."
            : $"Budget reset job every {settings.ResetIntervalMin.TotalSeconds:0}-{settings.ResetIntervalMax.TotalSeconds:0} s, periods in {settings.Calendar.Zone.Id}.");
        services.AddStartupLog(LogCategory, LogLevel.Information, settings.Alerts.Enabled
            ? $"Budget alerts to {string.Join(", ", settings.Alerts.Destinations.Select(d => d.Describe()))}."
            : "Budget alerts off (general_settings.alerting).");
        foreach (var warning in settings.Warnings)
        {
            services.AddStartupLog(LogCategory, LogLevel.Warning, warning);
        }

        return builder;
    }
}
