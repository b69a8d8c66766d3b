using System.Runtime.CompilerServices;

using LiteAspire.Data.Database;
using LiteAspire.Data.Spend.Queue;
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
        if (services.HasSpendStream())
        {
            AddSpendStream(services, configuration);
        }
        else if (hasDatabase)
        {
            services.AddHostedService<SpendFlushService>();
        }

        return services;
    }

    /// <summary>
    /// With Redis, spend goes through the durable stream: shipped there (or to the disk journal), and written to the database
    /// by the Worker — or by this proxy too unless <c>Spend:WriteInProxy</c> is false (the AppHost sets it: its Worker writes).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddSpendStream(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Spend");
        var directory = section["JournalDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "liteaspire", "spend-journal");
        var maxBytes = (section.GetValue<long?>("JournalMaxMegabytes") ?? 512) * 1024 * 1024;
        services.TryAddSingleton(_ => new SpendJournal(directory, maxBytes));
        services.AddHostedService<SpendStreamShipper>();
        if (section.GetValue("WriteInProxy", defaultValue: true))
        {
            services.AddSpendQueueConsumer(configuration);
        }
    }
}
