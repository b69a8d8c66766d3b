using LiteAspire.Hosting.ApplicationModel;

namespace LiteAspire.Hosting.Postgres;

/// <summary>A PostgreSQL server, run from the machine's binaries in run mode.</summary>
public sealed class PostgresServerResource(string name)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    /// <summary>The superuser that owns the databases.</summary>
    public string UserName { get; } = "postgres";

    /// <summary>The superuser's password.</summary>
    public ParameterResource PasswordParameter { get; internal set; } = null!;

    /// <summary>The TCP endpoint.</summary>
    public EndpointAnnotation PrimaryEndpoint => Annotations.OfType<EndpointAnnotation>().First();

    /// <summary>Set when no PostgreSQL binaries were found: databases become SQLite files in this folder.</summary>
    public string? EmbeddedFallbackDirectory { get; internal set; }

    /// <summary>The databases declared on this server.</summary>
    public List<PostgresDatabaseResource> Databases { get; } = [];

    /// <inheritdoc />
    public string? GetConnectionString() => EmbeddedFallbackDirectory is not null
        ? null
        : $"Host=127.0.0.1;Port={PrimaryEndpoint.AllocatedPorts[0]};Username={UserName};Password={PasswordParameter.Value}";
}

/// <summary>A database on a <see cref="PostgresServerResource"/>.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent, IResourceWithWaitSupport
{
    /// <summary>The database's name on the server.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <summary>The server.</summary>
    public PostgresServerResource Server { get; } = parent;

    /// <inheritdoc />
    public IResource Parent => Server;

    /// <inheritdoc />
    public string? GetConnectionString() => Server.EmbeddedFallbackDirectory is { } folder
        ? $"Data Source={Path.Combine(folder, DatabaseName + ".db")}"
        : $"{Server.GetConnectionString()};Database={DatabaseName}";
}
