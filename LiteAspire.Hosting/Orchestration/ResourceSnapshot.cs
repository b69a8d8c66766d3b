namespace LiteAspire.Hosting.Orchestration;

/// <summary>Where a resource is in its life.</summary>
public enum ResourceState
{
    /// <summary>Declared, not started.</summary>
    NotStarted,

    /// <summary>Waiting for the resources it WaitFor()s to become healthy.</summary>
    Waiting,

    /// <summary>Its project is being built.</summary>
    Building,

    /// <summary>Its process runs but has not passed its health check yet.</summary>
    Starting,

    /// <summary>Running and passing its health check.</summary>
    Healthy,

    /// <summary>Running but its health check did not pass in time.</summary>
    Unhealthy,

    /// <summary>Could not start (a build error, a dependency that failed, missing binaries).</summary>
    FailedToStart,

    /// <summary>Its process ended on its own; nothing restarts it.</summary>
    Exited,

    /// <summary>Being stopped by the AppHost.</summary>
    Stopping,

    /// <summary>Stopped by the AppHost.</summary>
    Stopped,
}

/// <summary>One resource's state as the orchestrator last saw it.</summary>
/// <param name="Name">Resource name.</param>
/// <param name="Type">Short type name (postgres, redis, project, database).</param>
/// <param name="State">Life-cycle state.</param>
/// <param name="Urls">Endpoint URLs, one per replica.</param>
/// <param name="ProcessIds">Process ids, one per replica.</param>
/// <param name="Message">Why it failed or exited, when it did.</param>
public sealed record ResourceSnapshot(
    string Name,
    string Type,
    ResourceState State,
    IReadOnlyList<string> Urls,
    IReadOnlyList<int> ProcessIds,
    string? Message = null)
{
    /// <summary>States after which the resource will not become healthy without a new start.</summary>
    public bool IsTerminal => State is ResourceState.FailedToStart or ResourceState.Exited or ResourceState.Stopped;
}
