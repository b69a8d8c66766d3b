using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Postgres;
using LiteAspire.Hosting.Projects;
using LiteAspire.Hosting.Redis;

namespace LiteAspire.Hosting.Orchestration;

/// <summary>
/// Starts the model on this machine: secrets and ports first, then every resource as soon as what it waits for
/// is healthy; stops them in reverse order. A resource that exits is reported, never restarted silently.
/// </summary>
internal sealed class Orchestrator(DistributedApplicationBuilder builder, RunnerContext context) : IDisposable
{
    private readonly List<IResourceRunner> _runners = [];
    private readonly List<Task> _lifetimes = [];
    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var resources = builder.Resources;
        Directory.CreateDirectory(context.StateDirectory);
        ParameterResolver.Resolve(resources.OfType<ParameterResource>(), builder.Configuration, context.StateDirectory);
        AllocatePorts(resources);

        foreach (var resource in resources)
        {
            if (CreateRunner(resource) is { } runner)
            {
                _runners.Add(runner);
                context.Notifications.Publish(new ResourceSnapshot(resource.Name, runner.TypeName, ResourceState.NotStarted, runner.Urls, []));
            }
        }

        foreach (var runner in _runners)
        {
            _lifetimes.Add(RunAsync(runner, _stopping.Token));
        }

        await Task.CompletedTask.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Dependents first: projects, then the databases and caches they use.
        foreach (var runner in Enumerable.Reverse(StartOrder()))
        {
            var name = runner.Resource.Name;
            var before = context.Notifications.Get(name);
            if (before.State is ResourceState.NotStarted or ResourceState.Waiting || before.IsTerminal)
            {
                if (!before.IsTerminal)
                {
                    context.Notifications.Publish(before with { State = ResourceState.Stopped });
                }

                await runner.StopAsync(context.Options.StopTimeout).ConfigureAwait(false);
                continue;
            }

            context.Notifications.Publish(before with { State = ResourceState.Stopping });
            await runner.StopAsync(context.Options.StopTimeout).ConfigureAwait(false);
            context.Notifications.Publish(context.Notifications.Get(name) with { State = ResourceState.Stopped });
        }

        await Task.WhenAll(_lifetimes).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Runners ordered so every resource comes after what it waits for.</summary>
    private List<IResourceRunner> StartOrder()
    {
        var ordered = new List<IResourceRunner>();
        var seen = new HashSet<IResource>(ReferenceEqualityComparer.Instance);
        foreach (var runner in _runners)
        {
            Visit(runner);
        }

        return ordered;

        void Visit(IResourceRunner runner)
        {
            if (!seen.Add(runner.Resource))
            {
                return;
            }

            foreach (var dependency in Dependencies(runner.Resource))
            {
                if (_runners.Find(r => ReferenceEquals(r.Resource, dependency)) is { } dependencyRunner)
                {
                    Visit(dependencyRunner);
                }
            }

            ordered.Add(runner);
        }
    }

    private async Task RunAsync(IResourceRunner runner, CancellationToken stopping)
    {
        var name = runner.Resource.Name;
        var notifications = context.Notifications;
        try
        {
            var dependencies = Dependencies(runner.Resource).Where(d => _runners.Exists(r => ReferenceEquals(r.Resource, d))).ToList();
            if (dependencies.Count > 0)
            {
                notifications.Update(name, s => s with { State = ResourceState.Waiting });
                foreach (var dependency in dependencies)
                {
                    try
                    {
                        await notifications.WaitForResourceHealthyAsync(dependency.Name, stopping).ConfigureAwait(false);
                    }
                    catch (DistributedApplicationException)
                    {
                        var reason = $"it waits for '{dependency.Name}', which is {notifications.Get(dependency.Name).State}";
                        Fail(name, reason);
                        return;
                    }
                }
            }

            notifications.Update(name, s => s with { State = ResourceState.Starting });
            await runner.StartAsync(stopping).ConfigureAwait(false);
            notifications.Update(name, s => s with { State = ResourceState.Starting, ProcessIds = runner.ProcessIds });
            var exitWatch = WatchExitAsync(runner, stopping);

            using var healthTimeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            healthTimeout.CancelAfter(context.Options.HealthTimeout);
            try
            {
                await runner.WaitHealthyAsync(healthTimeout.Token).ConfigureAwait(false);
                notifications.Update(name, s => s.State == ResourceState.Starting ? s with { State = ResourceState.Healthy } : s);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                notifications.Update(name, s => s with
                {
                    State = ResourceState.Unhealthy,
                    Message = $"not healthy after {context.Options.HealthTimeout.TotalSeconds:0} s",
                });
            }

            await exitWatch.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while starting.
        }
        catch (DistributedApplicationException ex)
        {
            Fail(name, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            Fail(name, ex.Message);
        }
    }

    private async Task WatchExitAsync(IResourceRunner runner, CancellationToken stopping)
    {
        if (runner.Exited is not { } exited)
        {
            return;
        }

        var code = await exited.ConfigureAwait(false);
        if (!stopping.IsCancellationRequested)
        {
            var message = $"exited with code {code}; not restarted";
            context.Logs.Write(runner.Resource.Name, message, isError: true);
            context.Notifications.Update(runner.Resource.Name, s => s with { State = ResourceState.Exited, Message = message });
        }
    }

    private void Fail(string name, string reason)
    {
        context.Logs.Write(name, $"failed to start: {reason}", isError: true);
        context.Notifications.Update(name, s => s with { State = ResourceState.FailedToStart, Message = reason });
    }

    private static IEnumerable<IResource> Dependencies(IResource resource)
    {
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            yield return wait.Resource;
        }

        if (resource is IResourceWithParent child)
        {
            yield return child.Parent;
        }
    }

    private void AllocatePorts(IReadOnlyList<IResource> resources)
    {
        var ports = new PortAllocator();
        var endpoints = resources
            .SelectMany(r => r.Annotations.OfType<EndpointAnnotation>().Select(e => (Resource: r, Endpoint: e)))
            .OrderBy(x => x.Endpoint.Port is null || context.Options.RandomizePorts) // fixed ports are claimed first
            .ToList();
        foreach (var (resource, endpoint) in endpoints)
        {
            var replicas = resource is ProjectResource project ? project.Replicas : 1;
            var allocated = new List<int>(replicas);
            for (var replica = 0; replica < replicas; replica++)
            {
                allocated.Add(endpoint.Port is { } fixedPort && !context.Options.RandomizePorts
                    ? ports.Claim(fixedPort + replica, resource.Name)
                    : ports.AllocateFree());
            }

            endpoint.AllocatedPorts = allocated;
        }
    }

    private IResourceRunner? CreateRunner(IResource resource)
    {
        switch (resource)
        {
            case PostgresServerResource server:
                if (LocalBinaries.FindPostgresBin() is { } bin)
                {
                    return new PostgresRunner(server, context, bin);
                }

                server.EmbeddedFallbackDirectory = Path.Combine(context.StateDirectory, server.Name + "-sqlite");
                context.Announce(server.Name,
                    $"PostgreSQL binaries not found: its databases use the embedded SQLite fallback in {server.EmbeddedFallbackDirectory}. " +
                    "For the real one: apt-get install postgresql");
                return null;
            case PostgresDatabaseResource database:
                return new PostgresDatabaseRunner(database);
            case RedisResource redis:
                if (LocalBinaries.FindRedisServer() is { } redisServer)
                {
                    return new RedisRunner(redis, context, redisServer);
                }

                redis.UsesEmbeddedFallback = true;
                context.Announce(redis.Name,
                    "redis-server not found: services use their in-process cache and queue instead. For the real one: apt-get install redis-server");
                return null;
            case ProjectResource project:
                return new ProjectRunner(project, context, builder.ExecutionContext);
            default:
                return null;
        }
    }
}
