using System.Runtime.InteropServices;
using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Orchestration;

namespace LiteAspire.Hosting;

/// <summary>A built app model: starts every resource locally, waits for Ctrl+C or SIGTERM, and stops them all.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly DistributedApplicationBuilder _builder;
    private readonly Orchestrator _orchestrator;
    private readonly ConsoleReporter? _console;
    private int _started;
    private int _stopped;

    internal DistributedApplication(DistributedApplicationBuilder builder)
    {
        _builder = builder;
        var context = new RunnerContext(builder.Options, builder.Configuration, ResourceLogs, ResourceNotifications);
        _orchestrator = new Orchestrator(builder, context);
        if (builder.Options.WriteToConsole)
        {
            _console = new ConsoleReporter(ResourceNotifications, ResourceLogs);
        }
    }

    /// <summary>Creates a builder from the AppHost's command line.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        ReportModelErrorsPlainly();
        return new DistributedApplicationBuilder(new DistributedApplicationOptions { Args = args });
    }

    /// <summary>A mistake in the model reads as one line naming the resource, not as a crash with a stack trace.</summary>
    private static void ReportModelErrorsPlainly()
    {
        if (DistributedApplicationBuilder.Interceptor.Value is not null)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is DistributedApplicationException error)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                Environment.Exit(1);
            }
        };
    }

    /// <summary>Creates a builder from options.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(options);

    /// <summary>Each resource's state.</summary>
    public ResourceNotificationService ResourceNotifications { get; } = new();

    /// <summary>Each resource's log lines.</summary>
    public ResourceLoggerService ResourceLogs { get; } = new();

    /// <summary>The model's resources.</summary>
    public IReadOnlyList<IResource> Resources => _builder.Resources;

    /// <summary>Where state (data, generated secrets) lives for this run.</summary>
    public string StateDirectory => _builder.Options.StateDirectory!;

    /// <summary>Validates what only the machine can tell (free ports, parameter values) and starts every resource.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The application has already been started.");
        }

        if (_builder.ExecutionContext.IsPublishMode)
        {
            throw new DistributedApplicationException("'publish' is not available in this version of LiteAspire.Hosting; use 'run'.");
        }

        await _orchestrator.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops every resource, dependents first; safe to call more than once.</summary>
    public async Task StopAsync()
    {
        if (Volatile.Read(ref _started) == 0 || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _orchestrator.StopAsync().ConfigureAwait(false);
        _console?.WriteTable();
    }

    /// <summary>Starts, runs until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>, then stops everything.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // stop our children before we go
            shutdown.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal);
        try
        {
            await StartAsync(shutdown.Token).ConfigureAwait(false);
            Console.WriteLine($"LiteAspire AppHost: state in {StateDirectory}; generated secrets in {Path.Combine(StateDirectory, ParameterResolver.FileName)}. Ctrl+C stops everything.");
            await Task.Delay(Timeout.Infinite, shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            Console.WriteLine("Stopping...");
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs the application; a model or start-up error is printed plainly and exits with code 1.</summary>
    public void Run()
    {
        try
        {
            RunAsync().GetAwaiter().GetResult();
        }
        catch (DistributedApplicationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Environment.ExitCode = 1;
        }
    }

    /// <summary>The URL of a resource's endpoint (first replica).</summary>
    public Uri GetEndpoint(string resourceName, string endpointName = "http")
    {
        var resource = FindResource(resourceName);
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == endpointName)
            ?? throw new DistributedApplicationException($"Resource '{resourceName}' has no endpoint named '{endpointName}'.");
        return new Uri(endpoint.UrlFor(0));
    }

    /// <summary>An HttpClient whose base address is the resource's endpoint.</summary>
    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName) };

    /// <summary>The connection string a reference to the resource would inject; null in an embedded fallback.</summary>
    public string? GetConnectionString(string resourceName) =>
        FindResource(resourceName) is IResourceWithConnectionString resource
            ? resource.GetConnectionString()
            : throw new DistributedApplicationException($"Resource '{resourceName}' has no connection string.");

    /// <summary>Waits until the resource is healthy; throws with the reason when it fails first.</summary>
    public Task WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default) =>
        ResourceNotifications.WaitForResourceHealthyAsync(resourceName, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _console?.Dispose();
        _orchestrator.Dispose();
        if (_builder.Options.DeleteStateDirectoryOnDispose && Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    private IResource FindResource(string name) =>
        _builder.Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new DistributedApplicationException($"There is no resource named '{name}' in this application.");
}
