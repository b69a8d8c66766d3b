namespace LiteAspire.Hosting;

/// <summary>Whether the AppHost runs the model locally or publishes it.</summary>
public enum DistributedApplicationOperation
{
    /// <summary>Start every resource on this machine.</summary>
    Run,

    /// <summary>Write deployment artifacts from the model.</summary>
    Publish,
}

/// <summary>The operation the AppHost was started for.</summary>
public sealed class DistributedApplicationExecutionContext(DistributedApplicationOperation operation)
{
    /// <summary>Run or publish.</summary>
    public DistributedApplicationOperation Operation { get; } = operation;

    /// <summary>True when resources are started locally.</summary>
    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    /// <summary>True when artifacts are written.</summary>
    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
