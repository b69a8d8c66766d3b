using LiteAspire.Data.Database;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Replicas;
using LiteAspire.Proxy.Spend;

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiteAspire.Proxy.Enforcement;

/// <summary>Registers what admits a request (model access, budgets, rate limits) and what records its spend.</summary>
public static class EnforcementServiceExtensions
{
    /// <summary>Live spend in Redis when it is configured, else in process; spend written to the database when one is configured.</summary>
    public static IServiceCollection AddEnforcement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiting(configuration);
        services.TryAddSingleton<ModelAccess>();
        services.TryAddSingleton(sp => sp.LiveSpend());
        services.TryAddSingleton<BudgetEnforcer>();
        services.TryAddSingleton<ProxyBudget>();
        services.TryAddSingleton(sp => new TagLookup(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AuthSettings>(), sp.GetRequiredService<ILogger<TagLookup>>(), sp.ReplicaLink()));
        services.TryAddSingleton<SharedBudgets>();
        // Also without a database: it then warns that the global budget is not enforced, as LiteLLM does.
        services.AddHostedService<ProxyBudgetSync>();
        services.TryAddSingleton<EndUserEnforcer>();
        services.TryAddSingleton<RequestAdmission>();
        var hasDatabase = services.Any(d => d.ServiceType == typeof(DatabaseConnection));
        services.TryAddSingleton(new SpendRecorder(enabled: hasDatabase));
        services.TryAddSingleton<CallAccounting>();
        if (hasDatabase)
        {
            services.AddHostedService<SpendFlushService>();
        }

        return services;
    }
}
