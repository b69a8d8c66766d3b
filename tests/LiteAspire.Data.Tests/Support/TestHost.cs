using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiteAspire.Data.Tests.Support;

/// <summary>A plain host with <c>AddLiteLLMDatabase</c>, as the Proxy and Worker register it, and its log lines captured.</summary>
public static class TestHost
{
    public static IHost Build(CapturedLogs logs, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.AddLiteLLMDatabase();
        return builder.Build();
    }

    /// <summary>The migrations recorded in the database the host uses.</summary>
    public static async Task<List<string>> AppliedMigrationsAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>().Database;
        return [.. await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetAppliedMigrationsAsync(database)];
    }
}
