namespace LiteAspire.Hosting.ApplicationModel;

/// <summary>A network endpoint of a resource. Port is the fixed host port, or null for one chosen at start.</summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port) : IResourceAnnotation
{
    /// <summary>Endpoint name, used in services__resource__name__0.</summary>
    public string Name { get; } = name;

    /// <summary>URI scheme (http, tcp).</summary>
    public string Scheme { get; } = scheme;

    /// <summary>Fixed port requested by the model; null means any free port.</summary>
    public int? Port { get; set; } = port;

    /// <summary>Whether the endpoint is meant to be reachable from outside the app (an ingress when published).</summary>
    public bool IsExternal { get; set; }

    /// <summary>The ports in use at run time, one per replica; empty until the orchestrator allocates them.</summary>
    public IReadOnlyList<int> AllocatedPorts { get; internal set; } = [];

    /// <summary>The URL of one replica's endpoint at run time.</summary>
    public string UrlFor(int replica = 0)
    {
        if (replica >= AllocatedPorts.Count)
        {
            throw new InvalidOperationException($"Endpoint '{Name}' has no allocated port for replica {replica}: the application is not running.");
        }

        return $"{Scheme}://127.0.0.1:{AllocatedPorts[replica]}";
    }
}

/// <summary>Adds environment variables to a resource; the callback runs once ports and secrets are known.</summary>
public sealed class EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) : IResourceAnnotation
{
    /// <summary>The callback that writes variables.</summary>
    public Action<EnvironmentCallbackContext> Callback { get; } = callback;
}

/// <summary>What an environment callback writes into.</summary>
public sealed class EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext)
{
    /// <summary>Run or publish.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    /// <summary>Variables by name; values are plain strings in run mode.</summary>
    public Dictionary<string, string> EnvironmentVariables { get; } = new(StringComparer.Ordinal);
}

/// <summary>The number of instances a project runs with.</summary>
public sealed class ReplicaAnnotation(int replicas) : IResourceAnnotation
{
    /// <summary>Instance count, at least 1.</summary>
    public int Replicas { get; } = replicas;
}

/// <summary>The resource must not start until <see cref="Resource"/> is healthy.</summary>
public sealed class WaitAnnotation(IResource resource) : IResourceAnnotation
{
    /// <summary>The resource waited for.</summary>
    public IResource Resource { get; } = resource;
}

/// <summary>The annotated resource references <see cref="Resource"/> (connection string or service endpoint).</summary>
public sealed class ResourceReferenceAnnotation(IResource resource) : IResourceAnnotation
{
    /// <summary>The resource referenced.</summary>
    public IResource Resource { get; } = resource;
}

/// <summary>The HTTP path the orchestrator probes for readiness; <c>/health</c> when a project has none.</summary>
public sealed class HealthCheckPathAnnotation(string path) : IResourceAnnotation
{
    /// <summary>The probe path used when no annotation is set.</summary>
    public const string DefaultPath = "/health";

    /// <summary>The path, starting with <c>/</c>.</summary>
    public string Path { get; } = path;
}
