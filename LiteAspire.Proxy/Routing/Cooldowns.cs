using System.Collections.Concurrent;
using System.Globalization;

using LiteAspire.Proxy.Replicas;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// Deployments out of rotation until a time (LiteLLM's cooldowns). A routing decision reads only this replica's map; a
/// cooldown started here is written to Redis as <c>deployment:&lt;id&gt;:cooldown</c> (expiring with it) and announced on a
/// channel, so every replica takes the deployment out at once; a replica that missed the message (started later,
/// reconnected) reads the keys of its deployments every few seconds.
/// </summary>
public sealed class Cooldowns : IHostedService, IDisposable
{
    /// <summary>The channel cooldowns are announced on: <c>&lt;id&gt; &lt;until, Unix ms&gt;</c>.</summary>
    public const string Channel = "liteaspire:cooldowns";

    private static readonly TimeSpan s_pollEvery = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, long> _until = new(StringComparer.Ordinal);
    private readonly DeploymentStates _states;
    private readonly IReplicaLink? _replicas;
    private readonly ModelRouter _router;
    private readonly ILogger<Cooldowns> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _polling = Task.CompletedTask;

    /// <summary>Creates the map; <paramref name="replicas"/> is null on a proxy without Redis.</summary>
    public Cooldowns(DeploymentStates states, ModelRouter router, ILogger<Cooldowns> logger, IReplicaLink? replicas = null)
    {
        _states = states;
        _router = router;
        _logger = logger;
        _replicas = replicas;
    }

    /// <summary>The Redis key of a deployment's cooldown, as LiteLLM names it.</summary>
    public static string KeyOf(string deploymentId) => $"deployment:{deploymentId}:cooldown";

    /// <summary>True while <paramref name="deploymentId"/> is cooling down.</summary>
    public bool IsCooling(string deploymentId, long nowMs) => _until.TryGetValue(deploymentId, out var until) && until > nowMs;

    /// <summary>How long <paramref name="deploymentId"/> still cools down (zero when it does not).</summary>
    public TimeSpan Remaining(string deploymentId, long nowMs) =>
        _until.TryGetValue(deploymentId, out var until) && until > nowMs ? TimeSpan.FromMilliseconds(until - nowMs) : TimeSpan.Zero;

    /// <summary>The deployments cooling down now, with when each comes back.</summary>
    public IReadOnlyList<(string DeploymentId, DateTimeOffset Until)> Active()
    {
        var now = _states.NowMs;
        return [.. _until.Where(pair => pair.Value > now).Select(pair => (pair.Key, DateTimeOffset.FromUnixTimeMilliseconds(pair.Value)))];
    }

    /// <summary>Takes <paramref name="deploymentId"/> out for <paramref name="duration"/> here and on every replica.</summary>
    public void Start(string deploymentId, TimeSpan duration, string reason)
    {
        var until = _states.NowMs + (long)duration.TotalMilliseconds;
        Extend(deploymentId, until);
        _logger.LogInformation("Deployment {DeploymentId} cools down for {Seconds} s: {Reason}", deploymentId, duration.TotalSeconds, reason);
        if (_replicas is not null)
        {
            _ = ShareAsync(deploymentId, until, duration);
        }
    }

    /// <summary>Ends every cooldown on this replica (tests, and an operator's reset).</summary>
    public void Clear() => _until.Clear();

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_replicas is null)
        {
            return Task.CompletedTask;
        }

        try
        {
            _replicas.Subscribe(Channel, OnAnnounced);
        }
        catch (ReplicaLinkException e)
        {
            _logger.LogWarning("Could not subscribe to cooldowns ({Error}); this replica reads them every {Interval}.", e.Message, s_pollEvery);
        }

        _polling = PollLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _polling.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Cancel();

    private void Extend(string deploymentId, long until) =>
        _until.AddOrUpdate(deploymentId, until, (_, current) => Math.Max(current, until));

    private void OnAnnounced(string message)
    {
        var space = message.LastIndexOf(' ');
        if (space > 0 && long.TryParse(message.AsSpan(space + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var until))
        {
            Extend(message[..space], until);
        }
    }

    private async Task ShareAsync(string deploymentId, long until, TimeSpan duration)
    {
        try
        {
            var value = until.ToString(CultureInfo.InvariantCulture);
            await _replicas!.SetStringAsync(KeyOf(deploymentId), value, duration).ConfigureAwait(false);
            await _replicas.PublishAsync(Channel, deploymentId + " " + value).ConfigureAwait(false);
        }
        catch (ReplicaLinkException e)
        {
            _logger.LogWarning("Could not share the cooldown of {DeploymentId} ({Error}); it holds on this replica only.", deploymentId, e.Message);
        }
    }

    private async Task PollLoopAsync(CancellationToken stopping)
    {
        try
        {
            // First at once: a replica starting now learns the cooldowns already running.
            while (true)
            {
                await PollAsync().ConfigureAwait(false);
                await Task.Delay(s_pollEvery, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads every deployment's cooldown key once (what a missed announcement would have said).</summary>
    public async Task PollAsync()
    {
        if (_replicas is null)
        {
            return;
        }

        try
        {
            var ids = _router.Table.Deployments.Select(entry => entry.Id).Distinct(StringComparer.Ordinal).ToArray();
            var reads = ids.Select(id => _replicas.GetStringAsync(KeyOf(id))).ToArray();
            var values = await Task.WhenAll(reads).ConfigureAwait(false);
            for (var i = 0; i < ids.Length; i++)
            {
                if (long.TryParse(values[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var until))
                {
                    Extend(ids[i], until);
                }
            }
        }
        catch (ReplicaLinkException e)
        {
            _logger.LogDebug("Cooldowns not read from Redis: {Error}", e.Message);
        }
    }
}
