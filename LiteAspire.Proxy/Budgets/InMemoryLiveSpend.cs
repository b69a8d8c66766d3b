using System.Collections.Concurrent;

namespace LiteAspire.Proxy.Budgets;

/// <summary>Live spend in this process, for a proxy without Redis (one instance).</summary>
public sealed class InMemoryLiveSpend(TimeProvider time) : ILiveSpend
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<double[]> GetAsync(IReadOnlyList<SpendScope> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var now = time.GetUtcNow().UtcDateTime;
        var values = new double[scopes.Count];
        for (var i = 0; i < scopes.Count; i++)
        {
            var counter = CounterFor(scopes[i], now);
            lock (counter)
            {
                values[i] = counter.Spend;
            }
        }

        return ValueTask.FromResult(values);
    }

    /// <inheritdoc />
    public ValueTask AddAsync(IReadOnlyList<SpendScope> scopes, double cost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var scope in scopes)
        {
            var counter = CounterFor(scope, now);
            lock (counter)
            {
                counter.Spend += cost;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ForgetAsync(IEnumerable<string> counterKeys)
    {
        ArgumentNullException.ThrowIfNull(counterKeys);
        foreach (var key in counterKeys)
        {
            _counters.TryRemove(key, out _);
        }

        return ValueTask.CompletedTask;
    }

    private Counter CounterFor(SpendScope scope, DateTime now)
    {
        var key = scope.CounterKey;
        while (true)
        {
            var counter = _counters.GetOrAdd(key, static (_, state) => new Counter(state.scope.SeedAt(state.now), state.scope.PeriodEndAt(state.now) ?? DateTime.MaxValue),
                (scope, now));
            if (counter.ExpiresAt > now)
            {
                return counter;
            }

            // The period ended: start again from the database's view (zero when the reset is due).
            _counters.TryRemove(new KeyValuePair<string, Counter>(key, counter));
        }
    }

    private sealed class Counter(double spend, DateTime expiresAt)
    {
        public double Spend { get; set; } = spend;

        public DateTime ExpiresAt { get; } = expiresAt;
    }
}
