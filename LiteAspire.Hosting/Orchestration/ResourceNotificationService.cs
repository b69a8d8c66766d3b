using System.Collections.Concurrent;

namespace LiteAspire.Hosting.Orchestration;

/// <summary>Publishes each resource's state and lets callers wait for a state (Aspire's ResourceNotificationService).</summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Raised after any resource's state changes.</summary>
    public event Action<ResourceSnapshot>? Changed;

    /// <summary>Every resource's latest state.</summary>
    public IReadOnlyCollection<ResourceSnapshot> Snapshots => [.. _snapshots.Values];

    /// <summary>The latest state of one resource.</summary>
    public ResourceSnapshot Get(string name) =>
        _snapshots.TryGetValue(name, out var snapshot)
            ? snapshot
            : throw new DistributedApplicationException($"There is no resource named '{name}' in this application.");

    /// <summary>Replaces a resource's state.</summary>
    public void Publish(ResourceSnapshot snapshot)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _snapshots[snapshot.Name] = snapshot;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        Changed?.Invoke(snapshot);
    }

    /// <summary>Changes a resource's state with <paramref name="update"/>.</summary>
    public void Update(string name, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        lock (_gate)
        {
            Publish(update(Get(name)));
        }
    }

    /// <summary>Waits until the resource's state satisfies <paramref name="predicate"/>.</summary>
    public async Task<ResourceSnapshot> WaitForAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var snapshot = Get(name);
                if (predicate(snapshot))
                {
                    return snapshot;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the resource is healthy; throws with the reason if it fails, exits or stops first.</summary>
    public async Task WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default)
    {
        var snapshot = await WaitForAsync(name, s => s.State == ResourceState.Healthy || s.IsTerminal, cancellationToken).ConfigureAwait(false);
        if (snapshot.State != ResourceState.Healthy)
        {
            throw new DistributedApplicationException(
                $"Resource '{name}' will not become healthy: it is {snapshot.State}{(snapshot.Message is null ? "" : $" ({snapshot.Message})")}.");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
