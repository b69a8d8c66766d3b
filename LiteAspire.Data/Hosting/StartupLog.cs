using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiteAspire.Data.Hosting;

/// <summary>Writes one line when the host starts: registrations run before logging exists, so what they decided is told here.</summary>
internal sealed class StartupLog(ILoggerFactory loggers, string category, LogLevel level, string message) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        loggers.CreateLogger(category).Log(level, "{StartupMessage}", message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registers <see cref="StartupLog"/> lines.</summary>
public static class StartupLogExtensions
{
    /// <summary>Logs <paramref name="message"/> once when the host starts, under <paramref name="category"/>.</summary>
    public static IServiceCollection AddStartupLog(this IServiceCollection services, string category, LogLevel level, string message)
    {
        services.AddSingleton<IHostedService>(sp => new StartupLog(sp.GetRequiredService<ILoggerFactory>(), category, level, message));
        return services;
    }
}
