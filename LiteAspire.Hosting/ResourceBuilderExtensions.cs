using LiteAspire.Hosting.ApplicationModel;

namespace LiteAspire.Hosting;

/// <summary>How resources are wired together: references, waits, environment, endpoints and replicas.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Injects the resource's connection string as ConnectionStrings__name (or __connectionName).</summary>
    public static IResourceBuilder<T> WithReference<T>(
        this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        var variable = connectionName is null ? resource.ConnectionStringEnvironmentVariable : $"ConnectionStrings__{connectionName}";
        builder.WithAnnotation(new ResourceReferenceAnnotation(resource));
        return builder.WithEnvironment(context =>
        {
            // A resource in its embedded fallback has no connection string: the service then uses its in-process default.
            if (resource.GetConnectionString() is { } connectionString)
            {
                context.EnvironmentVariables[variable] = connectionString;
            }
        });
    }

    /// <summary>Injects the service's endpoints as services__name__endpoint__N, which service discovery resolves for http://name.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        builder.WithAnnotation(new ResourceReferenceAnnotation(resource));
        return builder.WithEnvironment(context =>
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                for (var replica = 0; replica < endpoint.AllocatedPorts.Count; replica++)
                {
                    context.EnvironmentVariables[$"services__{resource.Name}__{endpoint.Name}__{replica}"] = endpoint.UrlFor(replica);
                }
            }
        });
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithWaitSupport> dependency)
        where T : IResource =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource));

    /// <summary>Sets an environment variable.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    /// <summary>Sets an environment variable to a parameter's value.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment
    {
        builder.WithAnnotation(new ResourceReferenceAnnotation(parameter.Resource));
        return builder.WithEnvironment(context => context.EnvironmentVariables[name] = parameter.Resource.Value);
    }

    /// <summary>Sets environment variables from a callback that runs once ports and secrets are known.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    /// <summary>Declares an HTTP endpoint on a fixed port, or on a free one when <paramref name="port"/> is null.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http")
        where T : IResourceWithEndpoints
    {
        var existing = builder.Resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == name);
        if (existing is not null)
        {
            existing.Port = port;
            return builder;
        }

        return builder.WithAnnotation(new EndpointAnnotation(name, "http", port));
    }

    /// <summary>Marks every HTTP endpoint as reachable from outside the application.</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>())
        {
            if (endpoint.Scheme is "http" or "https")
            {
                endpoint.IsExternal = true;
            }
        }

        return builder;
    }

    /// <summary>Runs <paramref name="replicas"/> instances of the resource.</summary>
    public static IResourceBuilder<T> WithReplicas<T>(this IResourceBuilder<T> builder, int replicas)
        where T : IResource =>
        builder.WithAnnotation(new ReplicaAnnotation(replicas));

    /// <summary>
    /// Where the orchestrator asks whether the project is healthy (<c>/health</c> unless set): a GET answering 2xx means
    /// ready. For a service whose <c>/health</c> means something else (the proxy's is LiteLLM's, authenticated).
    /// </summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path)
        where T : IResourceWithEndpoints
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // The last one set wins.
        return builder.WithAnnotation(new HealthCheckPathAnnotation(path));
    }
}
