using System.Globalization;

using LiteAspire.Proxy.Replicas;

using StackExchange.Redis;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// Live spend in Redis, shared by every replica: one counter per scope, seeded from the database when missing and
/// expiring when its budget period ends (or after <see cref="UnboundedTtl"/> for budgets that never reset, to re-sync with
/// the database). Each read and each add is one script, so seeding and adding cannot interleave across replicas.
/// Redis errors fall back to the in-process counters, as LiteLLM falls back to its in-memory cache. Reads are served from
/// this replica's copy for up to <see cref="LocalCopyTtl"/> (its own spend added at once), so a request usually costs no
/// budget round trip; other replicas' spend is seen within that second.
/// </summary>
public sealed class RedisLiveSpend(IConnectionMultiplexer redis, TimeProvider time, ILogger<RedisLiveSpend> logger) : ILiveSpend
{
    /// <summary>How long a counter without a budget period lives before it is seeded again from the database.</summary>
    public static readonly TimeSpan UnboundedTtl = TimeSpan.FromMinutes(10);

    // KEYS: counters. ARGV: seed and TTL (ms) per key, then the amount to add (absent on reads).
    private const string Script = """
        local add = ARGV[2 * #KEYS + 1]
        local out = {}
        for i, key in ipairs(KEYS) do
          local value = redis.call('GET', key)
          if not value then
            value = ARGV[2 * i - 1]
            redis.call('SET', key, value, 'PX', ARGV[2 * i])
          end
          if add then
            value = redis.call('INCRBYFLOAT', key, add)
          end
          out[i] = value
        end
        return out
        """;

    /// <summary>How long a replica trusts its copy of a counter: other replicas' spend is seen at most this late.</summary>
    public static readonly TimeSpan LocalCopyTtl = TimeSpan.FromSeconds(1);

    private readonly InMemoryLiveSpend _fallback = new(time);
    private readonly RedisScriptLoader _script = new(redis, Script);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LocalCopy> _copies = new(StringComparer.Ordinal);
    private long _lastWarning;

    /// <inheritdoc />
    public async ValueTask<double[]> GetAsync(IReadOnlyList<SpendScope> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (TryLocal(scopes) is { } local)
        {
            return local;
        }

        try
        {
            var result = await RunAsync(scopes, null).ConfigureAwait(false);
            var values = new double[scopes.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = double.Parse((string)result[i]!, NumberStyles.Float, CultureInfo.InvariantCulture);
                Remember(scopes[i], values[i]);
            }

            return values;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e);
            return await _fallback.GetAsync(scopes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask AddAsync(IReadOnlyList<SpendScope> scopes, double cost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var scope in scopes)
        {
            // This replica's own spend counts in its copy at once.
            if (_copies.TryGetValue(scope.CounterKey, out var copy))
            {
                copy.Add(cost);
            }
        }

        try
        {
            await RunAsync(scopes, cost).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e);
            await _fallback.AddAsync(scopes, cost, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask ForgetAsync(IEnumerable<string> counterKeys)
    {
        ArgumentNullException.ThrowIfNull(counterKeys);
        var keys = counterKeys.ToArray();
        foreach (var key in keys)
        {
            _copies.TryRemove(key, out _);
        }

        await _fallback.ForgetAsync(keys).ConfigureAwait(false);
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(keys.Select(k => (RedisKey)k).ToArray()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e);
        }
    }

    // Every scope's copy fresh, or null (then all are read from Redis in one script).
    private double[]? TryLocal(IReadOnlyList<SpendScope> scopes)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var values = new double[scopes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!_copies.TryGetValue(scopes[i].CounterKey, out var copy) || copy.ExpiresAt <= now)
            {
                return null;
            }

            values[i] = copy.Value;
        }

        return values;
    }

    private void Remember(SpendScope scope, double value)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + LocalCopyTtl;
        if (scope.PeriodEndAt(now) is { } end && end < expires)
        {
            expires = end;
        }

        _copies[scope.CounterKey] = new LocalCopy(value, expires);
    }

    private sealed class LocalCopy(double value, DateTime expiresAt)
    {
        private double _value = value;

        public double Value => Volatile.Read(ref _value);

        public DateTime ExpiresAt { get; } = expiresAt;

        public void Add(double amount)
        {
            double seen, next;
            do
            {
                seen = Volatile.Read(ref _value);
                next = seen + amount;
            }
            while (Interlocked.CompareExchange(ref _value, next, seen) != seen);
        }
    }

    private async Task<RedisResult[]> RunAsync(IReadOnlyList<SpendScope> scopes, double? add)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var keys = new RedisKey[scopes.Count];
        var args = new RedisValue[(2 * scopes.Count) + (add is null ? 0 : 1)];
        for (var i = 0; i < scopes.Count; i++)
        {
            var scope = scopes[i];
            keys[i] = scope.CounterKey;
            args[2 * i] = scope.SeedAt(now).ToString("R", CultureInfo.InvariantCulture);
            var ttl = scope.PeriodEndAt(now) is { } end ? end - now : UnboundedTtl;
            args[(2 * i) + 1] = Math.Max(1, (long)ttl.TotalMilliseconds);
        }

        if (add is { } amount)
        {
            args[^1] = amount.ToString("R", CultureInfo.InvariantCulture);
        }

        await _script.EnsureLoadedAsync().ConfigureAwait(false);
        return (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, args).ConfigureAwait(false))!;
    }

    private void Warn(Exception e)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarning);
        if (last == 0 || time.GetElapsedTime(last, now) > TimeSpan.FromMinutes(1))
        {
            Interlocked.Exchange(ref _lastWarning, now);
            logger.LogWarning("Redis spend counters unavailable ({Error}); counting spend in this process until it returns.", e.Message);
        }
    }
}
