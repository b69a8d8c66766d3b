using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Replicas;

using StackExchange.Redis;

namespace LiteAspire.Proxy.Limits;

/// <summary>
/// The limiter shared by all proxy replicas: one atomic Lua script per request (<see cref="RedisRateLimitScripts"/>).
/// When Redis is not connected or a script fails, that request is counted by an in-memory limiter instead, as LiteLLM does.
/// </summary>
/// <remarks>
/// The scripts are loaded (<c>SCRIPT LOAD</c>) before first use; StackExchange.Redis then knows their SHA and sends only
/// <c>EVALSHA</c>, and sends the script again after a <c>NOSCRIPT</c> (a restarted Redis, a new primary).
/// </remarks>
public sealed class RedisRateLimiter : IRateLimiter
{
    private const string CountingInMemory = "Redis is unavailable for rate limits ({Reason}): counting in this instance's memory until it is back.";
    private const string ReleaseLost = "Redis is unavailable for rate limits ({Reason}): a finished request's tokens were not counted; its parallel slots expire on their own.";
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisRateLimiter> _logger;
    private readonly long _windowMs;
    private readonly long _leaseTimeoutMs;
    private long _nextWarningTimestamp;
    private readonly RedisScriptLoader _scripts;

    /// <summary>Creates the limiter.</summary>
    public RedisRateLimiter(IConnectionMultiplexer redis, RateLimitOptions options, TimeProvider time, ILogger<RedisRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _redis = redis;
        _time = time;
        _logger = logger;
        _windowMs = (long)options.Window.TotalMilliseconds;
        _leaseTimeoutMs = (long)options.ParallelLeaseTimeout.TotalMilliseconds;
        Fallback = new InMemoryRateLimiter(options, time);
        _scripts = new RedisScriptLoader(redis, RedisRateLimitScripts.Acquire, RedisRateLimitScripts.Release);
    }

    /// <summary>Counts the requests Redis could not.</summary>
    internal InMemoryRateLimiter Fallback { get; }

    /// <inheritdoc />
    public async ValueTask<RateLimitLease> AcquireAsync(IReadOnlyList<RateLimitDescriptor> descriptors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        cancellationToken.ThrowIfCancellationRequested();
        var count = descriptors.Count;
        if (count == 0)
        {
            return RateLimitLease.None;
        }

        // A disconnected multiplexer would hold the script until its timeout; count in memory at once instead.
        if (!_redis.IsConnected)
        {
            Warn(null, CountingInMemory);
            return Fallback.Acquire(descriptors);
        }

        var now = _time.GetUtcNow();
        var keys = new RedisKey[count * RedisRateLimitScripts.KeysPerDescriptor];
        var args = new RedisValue[RedisRateLimitScripts.FixedArguments + (count * 3)];
        var leaseId = RedisValue.EmptyString;
        for (var i = 0; i < count; i++)
        {
            var d = descriptors[i];
            var tag = string.Concat("{", d.Kind, ":", d.Value, "}");
            var k = i * RedisRateLimitScripts.KeysPerDescriptor;
            keys[k] = string.Concat(tag, ":window");
            keys[k + 1] = string.Concat(tag, ":requests");
            keys[k + 2] = string.Concat(tag, ":tokens");
            keys[k + 3] = string.Concat(tag, ":max_parallel_requests");
            var a = RedisRateLimitScripts.FixedArguments + (i * 3);
            args[a] = d.RpmLimit ?? -1;
            args[a + 1] = d.TpmLimit ?? -1;
            args[a + 2] = d.MaxParallelRequests ?? -1;
            if (d.MaxParallelRequests is not null && leaseId.IsNullOrEmpty)
            {
                // Names a slot, not a secret: no syscall per request (Guid.NewGuid reads /dev/urandom).
                leaseId = CallIds.New();
            }
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        args[0] = nowMs;
        args[1] = _windowMs;
        args[2] = _leaseTimeoutMs;
        args[3] = leaseId;

        long[] values;
        try
        {
            await _scripts.EnsureLoadedAsync().ConfigureAwait(false);
            var result = await _redis.GetDatabase().ScriptEvaluateAsync(RedisRateLimitScripts.Acquire, keys, args).ConfigureAwait(false);
            values = (long[])result!;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e, CountingInMemory);
            return Fallback.Acquire(descriptors);
        }

        if (values[0] == 0)
        {
            var type = (RateLimitType)(values[2] - 1);
            throw RateLimitExceededException.Create(descriptors[(int)values[1] - 1], type, values[3], _windowMs, now);
        }

        var usages = new RateLimitUsage[count];
        for (var i = 0; i < count; i++)
        {
            var v = 1 + (i * 4);
            usages[i] = new RateLimitUsage(descriptors[i], values[v + 1], values[v + 2], values[v + 3],
                DateTimeOffset.FromUnixTimeMilliseconds(values[v] + _windowMs));
        }

        return new Lease(this, keys, leaseId, usages, now);
    }

    private async ValueTask ReleaseAsync(RedisKey[] keys, RedisValue leaseId, IReadOnlyList<RateLimitUsage> usages, long tokens)
    {
        var countTokens = false;
        for (var i = 0; i < usages.Count && tokens > 0; i++)
        {
            countTokens |= usages[i].Descriptor.TpmLimit is not null;
        }

        if (!countTokens && leaseId.IsNullOrEmpty)
        {
            return;
        }

        // What is not given back is lost (tokens) or expires with the lease timeout (parallel slots); the call itself is over.
        if (!_redis.IsConnected)
        {
            Warn(null, ReleaseLost);
            return;
        }

        var args = new RedisValue[RedisRateLimitScripts.FixedArguments + usages.Count];
        args[0] = _time.GetUtcNow().ToUnixTimeMilliseconds();
        args[1] = _windowMs;
        args[2] = tokens;
        args[3] = leaseId;
        for (var i = 0; i < usages.Count; i++)
        {
            args[RedisRateLimitScripts.FixedArguments + i] = countTokens && usages[i].Descriptor.TpmLimit is not null ? 1 : 0;
        }

        try
        {
            await _redis.GetDatabase().ScriptEvaluateAsync(RedisRateLimitScripts.Release, keys, args).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e, ReleaseLost);
        }
    }

    /// <summary>Logs Redis trouble at most once a minute: under load every request would otherwise log it.</summary>
    private void Warn(Exception? error, string message)
    {
        var now = _time.GetTimestamp();
        var next = Interlocked.Read(ref _nextWarningTimestamp);
        if ((next != 0 && now < next)
            || Interlocked.CompareExchange(ref _nextWarningTimestamp, now + (long)(WarningInterval.TotalSeconds * _time.TimestampFrequency), next) != next)
        {
            return;
        }

#pragma warning disable CA2254 // The two messages are constants; the reason is the one parameter.
        _logger.LogWarning(error, message, error?.GetType().Name ?? "not connected");
#pragma warning restore CA2254
    }

    private sealed class Lease(RedisRateLimiter owner, RedisKey[] keys, RedisValue leaseId, RateLimitUsage[] usages, DateTimeOffset acquiredAt)
        : RateLimitLease(usages, acquiredAt)
    {
        private protected override ValueTask ReleaseAsync(long tokens) => owner.ReleaseAsync(keys, leaseId, Usages, tokens);
    }
}
