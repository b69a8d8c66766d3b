using LiteAspire.Hosting.ApplicationModel;

namespace LiteAspire.Hosting.Projects;

/// <summary>A .NET project of the solution, built and run as a process in run mode.</summary>
public sealed class ProjectResource(string name, string projectPath)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    /// <summary>Full path of the .csproj.</summary>
    public string ProjectPath { get; } = projectPath;

    /// <summary>Instances to run.</summary>
    public int Replicas => Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
}
