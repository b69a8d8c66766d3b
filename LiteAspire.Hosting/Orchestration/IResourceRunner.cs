using LiteAspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace LiteAspire.Hosting.Orchestration;

/// <summary>Runs one kind of resource locally: starts it, tells when it is healthy, stops it.</summary>
internal interface IResourceRunner
{
    IResource Resource { get; }

    /// <summary>Short type name for the resource table.</summary>
    string TypeName { get; }

    /// <summary>Endpoint URLs, one per replica, known before start.</summary>
    IReadOnlyList<string> Urls { get; }

    /// <summary>Process ids once started; empty for resources without a process of their own.</summary>
    IReadOnlyList<int> ProcessIds { get; }

    /// <summary>Completes with an exit code when a process of the resource ends; null for resources without one.</summary>
    Task<int>? Exited { get; }

    /// <summary>Prepares and launches the resource; throws <see cref="DistributedApplicationException"/> when it cannot.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Returns once the resource answers its health check; keeps trying until cancelled.</summary>
    Task WaitHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Stops what StartAsync started.</summary>
    Task StopAsync(TimeSpan timeout);
}

/// <summary>What runners share: options, logs, state folder, configuration, and a way to report progress.</summary>
internal sealed class RunnerContext(
    DistributedApplicationOptions options,
    IConfiguration configuration,
    ResourceLoggerService logs,
    ResourceNotificationService notifications)
{
    public DistributedApplicationOptions Options { get; } = options;

    public IConfiguration Configuration { get; } = configuration;

    public ResourceLoggerService Logs { get; } = logs;

    public ResourceNotificationService Notifications { get; } = notifications;

    public string StateDirectory => Options.StateDirectory!;

    /// <summary>One build at a time: projects share ServiceDefaults and Data, and parallel builds of them collide.</summary>
    public SemaphoreSlim BuildLock { get; } = new(1, 1);

    /// <summary>Says something once, on the console and in the resource's log.</summary>
    public void Announce(string resource, string message) => Logs.Write(resource, message);
}
