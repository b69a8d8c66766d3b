using System.Reflection;
using LiteAspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace LiteAspire.Hosting.Testing;

/// <summary>A builder for tests: the model of a real AppHost (or an empty one), run in isolation.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    /// <summary>Builds the application; start it with StartAsync and dispose it to stop everything.</summary>
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Aspire.Hosting.Testing's entry point: runs an AppHost's own Program up to Build() and hands its model to the test,
/// with a fresh state folder (fresh database, fresh secrets), free ports instead of fixed ones, and no console output.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>Captures the model of the AppHost whose assembly holds <typeparamref name="TEntryPoint"/>.</summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(CancellationToken cancellationToken = default)
        where TEntryPoint : class =>
        CreateAsync<TEntryPoint>([], cancellationToken);

    /// <summary>Captures the model of the AppHost whose assembly holds <typeparamref name="TEntryPoint"/>, with arguments.</summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[] args, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var assembly = typeof(TEntryPoint).Assembly;
        var entryPoint = assembly.EntryPoint
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point: pass a type from the AppHost project.");
        var interceptor = new ApplicationModelInterceptor(assembly, ConfigureForTesting);
        DistributedApplicationBuilder.Interceptor.Value = interceptor;

        await Task.Run(
            () =>
            {
                try
                {
                    entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
                }
                catch (TargetInvocationException ex) when (ex.InnerException is ApplicationModelCapturedException)
                {
                    // The AppHost reached Build(): its model is ours.
                }
                catch (TargetInvocationException ex) when (ex.InnerException is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                }
            },
            cancellationToken).ConfigureAwait(false);

        var captured = interceptor.CapturedBuilder
            ?? throw new InvalidOperationException($"{assembly.GetName().Name}'s Main returned without calling Build() on its builder.");
        return new TestingBuilder(captured);
    }

    /// <summary>An empty model for tests that declare their own resources.</summary>
    public static IDistributedApplicationTestingBuilder Create(params string[] args)
    {
        var options = new DistributedApplicationOptions { Args = args };
        ConfigureForTesting(options);
        return new TestingBuilder(new DistributedApplicationBuilder(options));
    }

    private static void ConfigureForTesting(DistributedApplicationOptions options)
    {
        options.StateDirectory ??= Path.Combine(Path.GetTempPath(), "liteaspire-test-" + Guid.NewGuid().ToString("N")[..12]);
        options.DeleteStateDirectoryOnDispose = true;
        options.RandomizePorts = true;
        options.WriteToConsole = false;
        // The test's own build built the AppHost's projects; a second build here would race other test runs.
        options.BuildProjects = false;
    }

    private sealed class TestingBuilder(DistributedApplicationBuilder inner) : IDistributedApplicationTestingBuilder
    {
        public ConfigurationManager Configuration => inner.Configuration;

        public DistributedApplicationExecutionContext ExecutionContext => inner.ExecutionContext;

        public DistributedApplicationOptions Options => inner.Options;

        public string AppHostDirectory => inner.AppHostDirectory;

        public IReadOnlyList<IResource> Resources => inner.Resources;

        public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

        public DistributedApplication Build() => inner.BuildCaptured();

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(inner.BuildCaptured());
    }
}
