using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Postgres;
using LiteAspire.Hosting.Projects;
using LiteAspire.Hosting.Redis;

namespace LiteAspire.Hosting;

/// <summary>The Add* methods that declare resources, with Aspire's names.</summary>
public static class ResourceFactoryExtensions
{
    /// <summary>Declares a parameter read from configuration key Parameters:name.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, secret, defaultValue: null));

    /// <summary>Declares a parameter that falls back to <paramref name="defaultValue"/> (kept in the state folder) when configuration has none.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this IDistributedApplicationBuilder builder, string name, ParameterDefault defaultValue, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, secret, defaultValue));

    /// <summary>Declares a PostgreSQL server; its password is generated unless Parameters:name-password is set.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var server = new PostgresServerResource(name);
        server.Annotations.Add(new EndpointAnnotation("tcp", "tcp", port));
        var added = builder.AddResource(server);
        server.PasswordParameter = builder.AddGeneratedPassword(name).Resource;
        return added;
    }

    /// <summary>Declares a database on the server; it is created when the server first starts.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        var builder = server.ApplicationBuilder.AddResource(database);
        server.Resource.Databases.Add(database);
        return builder;
    }

    /// <summary>Declares a Redis server; its password is generated unless Parameters:name-password is set.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var redis = new RedisResource(name);
        redis.Annotations.Add(new EndpointAnnotation("tcp", "tcp", port));
        var added = builder.AddResource(redis);
        redis.PasswordParameter = builder.AddGeneratedPassword(name).Resource;
        return added;
    }

    /// <summary>Declares a .NET project; <paramref name="projectPath"/> is relative to the AppHost's folder. It gets an http endpoint.</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath)
    {
        var fullPath = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, projectPath));
        if (Directory.Exists(fullPath))
        {
            fullPath = Directory.EnumerateFiles(fullPath, "*.csproj").FirstOrDefault() ?? fullPath;
        }

        if (!File.Exists(fullPath))
        {
            throw new DistributedApplicationException($"Resource '{name}': project file '{fullPath}' does not exist.");
        }

        var project = new ProjectResource(name, fullPath);
        project.Annotations.Add(new EndpointAnnotation("http", "http", port: null));
        return builder.AddResource(project);
    }

    /// <summary>The password parameter of a server resource, generated once unless Parameters:name-password is set.</summary>
    private static IResourceBuilder<ParameterResource> AddGeneratedPassword(this IDistributedApplicationBuilder builder, string serverName) =>
        builder.AddParameter($"{serverName}-password", new GenerateParameterDefault { MinLength = 22 }, secret: true);
}
