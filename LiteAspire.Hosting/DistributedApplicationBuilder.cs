using System.Reflection;
using LiteAspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace LiteAspire.Hosting;

/// <summary>The default <see cref="IDistributedApplicationBuilder"/>.</summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];

    /// <summary>Set while the testing builder runs an AppHost's entry point; it takes over Build().</summary>
    internal static readonly AsyncLocal<ApplicationModelInterceptor?> Interceptor = new();

    /// <summary>Creates a builder from options; the command line decides run or publish.</summary>
    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Interceptor.Value?.ConfigureOptions(options);
        Options = options;

        var command = AppHostCommandLine.Parse(options.Args);
        ExecutionContext = new DistributedApplicationExecutionContext(command.Operation);
        if (command.NoBuild)
        {
            options.BuildProjects = false;
        }

        if (command.RandomPorts)
        {
            options.RandomizePorts = true;
        }

        options.StateDirectory ??= command.StateDirectory;
        var appHostAssembly = Interceptor.Value?.AppHostAssembly ?? Assembly.GetEntryAssembly();
        AppHostDirectory = ReadMetadata(appHostAssembly, "AppHostProjectDirectory") is { } dir && Directory.Exists(dir)
            ? dir
            : Directory.GetCurrentDirectory();
        options.ProjectConfiguration ??= ReadMetadata(appHostAssembly, "AppHostConfiguration") ?? "Debug";
        options.StateDirectory ??= Path.Combine(AppHostDirectory, ".state");

        Configuration = new ConfigurationManager();
        Configuration.SetBasePath(AppHostDirectory);
        Configuration.AddJsonFile("appsettings.json", optional: true);
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(command.ConfigurationArgs);
        if (Interceptor.Value is not null)
        {
            ApplicationModelInterceptor.ConfigureConfiguration(Configuration);
        }
    }

    /// <inheritdoc />
    public ConfigurationManager Configuration { get; }

    /// <inheritdoc />
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <inheritdoc />
    public DistributedApplicationOptions Options { get; }

    /// <inheritdoc />
    public string AppHostDirectory { get; }

    /// <inheritdoc />
    public IReadOnlyList<IResource> Resources => _resources;

    /// <inheritdoc />
    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        var existing = _resources.Find(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            throw new DistributedApplicationException(
                $"Cannot add resource '{resource.Name}' ({resource.GetType().Name}): " +
                $"a resource named '{existing.Name}' ({existing.GetType().Name}) already exists.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    /// <inheritdoc />
    public DistributedApplication Build()
    {
        ApplicationModelValidator.Validate(_resources);
        var interceptor = Interceptor.Value;
        if (interceptor is not null)
        {
            // The testing builder owns the model from here; unwind the AppHost's Main.
            interceptor.Capture(this);
            throw new ApplicationModelCapturedException();
        }

        return new DistributedApplication(this);
    }

    /// <summary>Builds without interception: what the testing builder calls once it has the model.</summary>
    internal DistributedApplication BuildCaptured()
    {
        ApplicationModelValidator.Validate(_resources);
        return new DistributedApplication(this);
    }

    private static string? ReadMetadata(Assembly? assembly, string key) =>
        assembly?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
