using LiteAspire.Data.Database;
using LiteAspire.Data.Redis;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiteAspire.Data.Spend.Queue;

/// <summary>Registers a spend writer reading the spend stream.</summary>
public static class SpendQueueServiceExtensions
{
    /// <summary>True when both a database and Redis are configured: spend then travels through the stream.</summary>
    public static bool HasSpendStream(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Any(d => d.ServiceType == typeof(DatabaseConnection)) && services.Any(d => d.ServiceType == typeof(RedisConnection));
    }

    /// <summary>
    /// Adds <see cref="SpendQueueConsumer"/> as a hosted service, with <see cref="SpendConsumerOptions"/> bound from the
    /// <c>Spend</c> section (e.g. <c>Spend__BatchSize</c>, <c>Spend__ClaimIdle=00:00:30</c>). Call after the database and Redis are added.
    /// </summary>
    public static IServiceCollection AddSpendQueueConsumer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SpendConsumerOptions>().Bind(configuration.GetSection("Spend"));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SpendQueueConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<SpendQueueConsumer>());
        return services;
    }
}
