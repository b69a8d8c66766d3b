using LiteAspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace LiteAspire.Hosting;

/// <summary>Declares the resources of a distributed application, as Aspire's builder does.</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>AppHost configuration: appsettings.json, environment, command line.</summary>
    ConfigurationManager Configuration { get; }

    /// <summary>Run or publish.</summary>
    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>How the application runs.</summary>
    DistributedApplicationOptions Options { get; }

    /// <summary>The AppHost project's folder; project paths are relative to it.</summary>
    string AppHostDirectory { get; }

    /// <summary>Every resource declared so far, in declaration order.</summary>
    IReadOnlyList<IResource> Resources { get; }

    /// <summary>Adds a resource; a second resource with the same name is refused.</summary>
    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>Builds the application from the model.</summary>
    DistributedApplication Build();
}
