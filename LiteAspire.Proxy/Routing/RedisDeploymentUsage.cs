using System.Collections.Concurrent;
using System.Globalization;

using StackExchange.Redis;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// Usage shared by every replica, as LiteLLM's usage-based-routing-v2 keeps it: per-minute counters
/// <c>{deployment id}:rpm:{HH-MM}</c> and <c>:tpm:</c> in Redis. Increments are sent without waiting; a background loop reads
/// every deployment's counters a few times a second, and a read adds what this replica counted since the last refresh, so a
/// routing decision never waits for Redis. A Redis outage leaves this replica's own counts.
/// </summary>
public sealed class RedisDeploymentUsage : IDeploymentUsage, IDisposable
{
    private static readonly TimeSpan s_refreshEvery = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_keyLifetime = TimeSpan.FromMinutes(2);

    private readonly IConnectionMultiplexer _redis;
    private readonly DeploymentStates _states;
    private readonly ILogger<RedisDeploymentUsage> _logger;
    private readonly ConcurrentDictionary<string, Snapshot> _shared = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _refreshing;

    /// <summary>Starts the refresh loop.</summary>
    public RedisDeploymentUsage(IConnectionMultiplexer redis, DeploymentStates states, ILogger<RedisDeploymentUsage> logger)
    {
        _redis = redis;
        _states = states;
        _logger = logger;
        _refreshing = RefreshLoopAsync(_stop.Token);
    }

    /// <inheritdoc />
    public (long Requests, long Tokens) Current(string deploymentId)
    {
        var minute = _states.Minute;
        var local = _states.For(deploymentId).Usage(minute);
        if (!_shared.TryGetValue(deploymentId, out var shared) || shared.Minute != minute)
        {
            return local;
        }

        // What Redis had at the refresh, plus what this replica counted since.
        return (shared.Requests + Math.Max(0, local.Requests - shared.LocalRequests), shared.Tokens + Math.Max(0, local.Tokens - shared.LocalTokens));
    }

    /// <inheritdoc />
    public void AddRequest(string deploymentId) => Increment(deploymentId, "rpm", 1);

    /// <inheritdoc />
    public void AddTokens(string deploymentId, long tokens)
    {
        _states.For(deploymentId).AddTokens(_states.Minute, tokens);
        if (tokens > 0)
        {
            Increment(deploymentId, "tpm", tokens);
        }
    }

    /// <summary>The Redis key of a counter, as LiteLLM names it (the minute as <c>HH-MM</c> in UTC).</summary>
    public static string KeyOf(string deploymentId, string kind, long unixMinute) =>
        $"{deploymentId}:{kind}:{DateTimeOffset.FromUnixTimeSeconds(unixMinute * 60).ToString("HH-mm", CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _refreshing.Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            // Stopping: the loop's end does not matter.
        }

        _stop.Dispose();
    }

    private void Increment(string deploymentId, string kind, long by)
    {
        var key = KeyOf(deploymentId, kind, _states.Minute);
        var database = _redis.GetDatabase();
        // Fire and forget: one connection keeps the order, and the counters are estimates LiteLLM also keeps loosely.
        database.StringIncrement(key, by, CommandFlags.FireAndForget);
        database.KeyExpire(key, s_keyLifetime, CommandFlags.FireAndForget);
    }

    private async Task RefreshLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(s_refreshEvery);
        var failing = false;
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await RefreshAsync().ConfigureAwait(false);
                failing = false;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                if (!failing)
                {
                    _logger.LogWarning("Reading deployment usage from Redis failed ({Reason}); routing on this replica's counts until it answers.", e.Message);
                }

                failing = true;
                _shared.Clear();
            }
        }
    }

    private async Task RefreshAsync()
    {
        var ids = _states.Ids.ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        var minute = _states.Minute;
        var keys = new RedisKey[ids.Length * 2];
        var locals = new (long Requests, long Tokens)[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            keys[2 * i] = KeyOf(ids[i], "rpm", minute);
            keys[(2 * i) + 1] = KeyOf(ids[i], "tpm", minute);
            locals[i] = _states.For(ids[i]).Usage(minute);
        }

        var values = await _redis.GetDatabase().StringGetAsync(keys).ConfigureAwait(false);
        for (var i = 0; i < ids.Length; i++)
        {
            _shared[ids[i]] = new Snapshot(minute, LongOf(values[2 * i]), LongOf(values[(2 * i) + 1]), locals[i].Requests, locals[i].Tokens);
        }
    }

    private static long LongOf(RedisValue value) => value.TryParse(out long number) ? number : 0;

    private sealed record Snapshot(long Minute, long Requests, long Tokens, long LocalRequests, long LocalTokens);
}
