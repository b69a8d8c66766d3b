namespace LiteAspire.Hosting.ApplicationModel;

/// <summary>Anything the app model declares: a database, a cache, a project, a parameter.</summary>
public interface IResource
{
    /// <summary>Unique name within the model; also the name references use (ConnectionStrings__name, services__name).</summary>
    string Name { get; }

    /// <summary>What the model says about the resource beyond its type.</summary>
    ResourceAnnotationCollection Annotations { get; }
}

/// <summary>Base class of every resource.</summary>
public abstract class Resource(string name) : IResource
{
    /// <inheritdoc />
    public string Name { get; } = ValidateName(name);

    /// <inheritdoc />
    public ResourceAnnotationCollection Annotations { get; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} '{Name}'";

    private static string ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new DistributedApplicationException(
                    $"Resource name '{name}' is invalid: use ASCII letters, digits and '-' only.");
            }
        }

        return name;
    }
}

/// <summary>A resource whose clients connect through a connection string (ConnectionStrings__name).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string once the resource's ports and secrets are known; null when it has none.</summary>
    string? GetConnectionString();

    /// <summary>The environment variable name a reference injects, after Aspire's ConnectionStrings__name.</summary>
    string ConnectionStringEnvironmentVariable => $"ConnectionStrings__{Name}";
}

/// <summary>A resource that takes environment variables.</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource that exposes network endpoints.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource other services find by name through service discovery (services__name__endpoint__0).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

/// <summary>A resource that other resources can wait for.</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>A resource that belongs to another (a database to its server).</summary>
public interface IResourceWithParent : IResource
{
    /// <summary>The owning resource.</summary>
    IResource Parent { get; }
}

/// <summary>The annotations on one resource.</summary>
public sealed class ResourceAnnotationCollection : List<IResourceAnnotation>;

/// <summary>Marker for everything stored in <see cref="ResourceAnnotationCollection"/>.</summary>
public interface IResourceAnnotation;
