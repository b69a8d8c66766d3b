namespace LiteAspire.Proxy.Limits;

/// <summary>
/// The limiter for one process (no Redis, or Redis failing): the same semantics as <see cref="RedisRateLimiter"/>, counted
/// in memory under one lock. The work under it is a few comparisons per descriptor; counters of ended windows with nothing
/// in flight are swept once per window.
/// </summary>
public sealed class InMemoryRateLimiter : IRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string Value), Counter> _counters = [];
    private readonly TimeProvider _time;
    private readonly long _windowMs;
    private long _nextSweepMs = long.MinValue;

    /// <summary>Creates the limiter.</summary>
    public InMemoryRateLimiter(RateLimitOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _windowMs = (long)options.Window.TotalMilliseconds;
    }

    /// <summary>Descriptors currently counted (for tests of the sweep).</summary>
    internal int CounterCount
    {
        get
        {
            lock (_gate)
            {
                return _counters.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<RateLimitLease> AcquireAsync(IReadOnlyList<RateLimitDescriptor> descriptors, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Acquire(descriptors));
    }

    /// <summary>The synchronous acquire, also used by <see cref="RedisRateLimiter"/> when Redis fails.</summary>
    /// <exception cref="RateLimitExceededException">A limit is reached.</exception>
    internal RateLimitLease Acquire(IReadOnlyList<RateLimitDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        var count = descriptors.Count;
        if (count == 0)
        {
            return RateLimitLease.None;
        }

        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var counters = new Counter[count];
        var usages = new RateLimitUsage[count];
        lock (_gate)
        {
            SweepIfDue(nowMs);
            for (var i = 0; i < count; i++)
            {
                var descriptor = descriptors[i];
                var counter = counters[i] = GetOrAdd(descriptor);
                var current = counter.IsCurrent(nowMs, _windowMs);
                var refused = Check(descriptor, current ? counter.Requests : 0, current ? counter.Tokens : 0, counter.Parallel);
                if (refused is { } type)
                {
                    var windowStart = current ? counter.WindowStartMs : nowMs;
                    throw RateLimitExceededException.Create(descriptor, type, windowStart, _windowMs, now);
                }
            }

            for (var i = 0; i < count; i++)
            {
                var counter = counters[i];
                if (!counter.IsCurrent(nowMs, _windowMs))
                {
                    counter.StartWindow(nowMs, tokens: 0);
                }

                counter.Requests++;
                counter.Parallel++;
                usages[i] = new RateLimitUsage(descriptors[i], counter.Requests, counter.Tokens,
                    counter.Parallel, DateTimeOffset.FromUnixTimeMilliseconds(counter.WindowStartMs + _windowMs));
            }
        }

        return new Lease(this, counters, usages, now);
    }

    /// <summary>The limit a descriptor's counts refuse, checked in LiteLLM's order (requests, tokens, parallel), or null.</summary>
    internal static RateLimitType? Check(RateLimitDescriptor descriptor, long requests, long tokens, long parallel) =>
        descriptor.RpmLimit is { } rpm && requests >= rpm ? RateLimitType.Requests
        : descriptor.TpmLimit is { } tpm && tokens >= tpm ? RateLimitType.Tokens
        : descriptor.MaxParallelRequests is { } max && parallel >= max ? RateLimitType.MaxParallelRequests
        : null;

    private Counter GetOrAdd(RateLimitDescriptor descriptor)
    {
        var key = (descriptor.Kind, descriptor.Value);
        if (!_counters.TryGetValue(key, out var counter))
        {
            counter = new Counter();
            _counters.Add(key, counter);
        }

        return counter;
    }

    private void Release(Counter[] counters, IReadOnlyList<RateLimitUsage> usages, long tokens)
    {
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            for (var i = 0; i < counters.Length; i++)
            {
                var counter = counters[i];
                counter.Parallel--;
                if (tokens > 0 && usages[i].Descriptor.TpmLimit is not null)
                {
                    // Tokens count in the window they are spent in; when none is running, they start one.
                    if (counter.IsCurrent(nowMs, _windowMs))
                    {
                        counter.Tokens += tokens;
                    }
                    else
                    {
                        counter.StartWindow(nowMs, tokens);
                    }
                }
            }
        }
    }

    private void SweepIfDue(long nowMs)
    {
        if (nowMs < _nextSweepMs)
        {
            return;
        }

        _nextSweepMs = nowMs + _windowMs;
        foreach (var (key, counter) in _counters)
        {
            // A counter with leases in flight stays: its lease holds it and completes into it.
            if (counter.Parallel == 0 && !counter.IsCurrent(nowMs, _windowMs))
            {
                _counters.Remove(key);
            }
        }
    }

    /// <summary>One descriptor's window and counts; guarded by the limiter's lock.</summary>
    private sealed class Counter
    {
        public long WindowStartMs { get; private set; } = long.MinValue;

        public long Requests { get; set; }

        public long Tokens { get; set; }

        /// <summary>Leases in flight, counted whether or not a parallel limit is set (the sweep keeps counters with any).</summary>
        public long Parallel { get; set; }

        public bool IsCurrent(long nowMs, long windowMs) => WindowStartMs != long.MinValue && nowMs - WindowStartMs < windowMs;

        public void StartWindow(long nowMs, long tokens)
        {
            WindowStartMs = nowMs;
            Requests = 0;
            Tokens = tokens;
        }
    }

    private sealed class Lease(InMemoryRateLimiter owner, Counter[] counters, RateLimitUsage[] usages, DateTimeOffset acquiredAt)
        : RateLimitLease(usages, acquiredAt)
    {
        private protected override ValueTask ReleaseAsync(long tokens)
        {
            owner.Release(counters, Usages, tokens);
            return ValueTask.CompletedTask;
        }
    }
}
