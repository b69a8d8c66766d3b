using System.Collections.Concurrent;

using LiteAspire.Data;

using Microsoft.EntityFrameworkCore;

using LiteAspire.Proxy.Replicas;

namespace LiteAspire.Proxy.Auth;

/// <summary>
/// Customers (end users, the request's <c>user</c>) looked up by id: in memory for <c>user_api_key_cache_ttl</c>, else in
/// the database. Unknown ids are remembered too, so requests naming people who are no customer cost no query. A change
/// to a customer calls <see cref="InvalidateAsync"/>, which drops the entry here and, through a Redis channel, on every
/// other replica, so a block or a new budget applies at once.
/// </summary>
public sealed class EndUserLookup : IDisposable
{
    /// <summary>The channel carrying invalidated customer ids between replicas.</summary>
    public const string InvalidationChannel = "litellm:end_user:invalidate";

    // Beyond this many remembered ids (most of them strangers), start again rather than grow without bound.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _memory = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly ILogger<EndUserLookup> _logger;
    private readonly IReplicaLink? _replicas;
    private int _subscribed;

    /// <summary>Creates the lookup; <paramref name="replicas"/> is null when the proxy runs without Redis.</summary>
    public EndUserLookup(IServiceScopeFactory scopes, TimeProvider time, AuthSettings settings, ILogger<EndUserLookup> logger,
        IReplicaLink? replicas = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _scopes = scopes;
        _time = time;
        _ttl = settings.KeyCacheTtl;
        _logger = logger;
        _replicas = replicas;
    }

    /// <summary>The customer <paramref name="endUserId"/>, or null when there is none (or no database to ask).</summary>
    /// <exception cref="DatabaseUnavailableException">It is not cached and the database cannot be reached.</exception>
    public async ValueTask<EndUserState?> GetAsync(string endUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endUserId);
        var now = _time.GetTimestamp();
        if (_memory.TryGetValue(endUserId, out var cached) && now < cached.ExpiresAt)
        {
            return cached.Value;
        }

        EnsureSubscribed();
        var found = await LoadAsync(endUserId, cancellationToken).ConfigureAwait(false);
        if (_memory.Count >= MaxEntries)
        {
            _memory.Clear();
        }

        _memory[endUserId] = new Entry(found, now + (long)(_ttl.TotalSeconds * _time.TimestampFrequency));
        return found;
    }

    /// <summary>Forgets <paramref name="endUserIds"/> here and on every other replica.</summary>
    public async Task InvalidateAsync(IEnumerable<string> endUserIds)
    {
        ArgumentNullException.ThrowIfNull(endUserIds);
        foreach (var id in endUserIds)
        {
            _memory.TryRemove(id, out _);
            if (_replicas is null)
            {
                continue;
            }

            try
            {
                await _replicas.PublishAsync(InvalidationChannel, id).ConfigureAwait(false);
            }
            catch (ReplicaLinkException e)
            {
                _logger.LogWarning("Could not announce a customer change ({Error}); other replicas keep theirs until its TTL.", e.Message);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Volatile.Read(ref _subscribed) == 1)
        {
            _replicas?.Unsubscribe(InvalidationChannel);
        }
    }

    private async Task<EndUserState?> LoadAsync(string endUserId, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetService<LiteLLMDbContext>();
        if (db is null)
        {
            return null;
        }

        try
        {
            var row = await db.EndUsers.AsNoTracking().Include(e => e.Budget).FirstOrDefaultAsync(e => e.UserId == endUserId, cancellationToken)
                .ConfigureAwait(false);
            return row is null ? null : new EndUserState
            {
                UserId = row.UserId,
                Blocked = row.Blocked,
                AllowedModelRegion = row.AllowedModelRegion,
                DefaultModel = row.DefaultModel,
                Budget = row.Budget is { } budget
                    ? new BudgetState(budget.MaxBudget, row.Spend, budget.SoftBudget, budget.BudgetDuration, budget.BudgetResetAt)
                    : null,
                Limits = row.Budget is { } limits ? new LimitSet(limits.RpmLimit, limits.TpmLimit, limits.MaxParallelRequests) : LimitSet.None,
            };
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException { InnerException: System.Data.Common.DbException })
        {
            throw new DatabaseUnavailableException("The database could not be reached to look up a customer.", e);
        }
    }

    private void EnsureSubscribed()
    {
        if (_replicas is null || Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }

        try
        {
            _replicas.Subscribe(InvalidationChannel, message => _memory.TryRemove(message, out Entry _));
        }
        catch (ReplicaLinkException e)
        {
            _subscribed = 0;
            _logger.LogWarning("Could not subscribe to customer invalidations ({Error}); will retry.", e.Message);
        }
    }

    private readonly record struct Entry(EndUserState? Value, long ExpiresAt);
}

/// <summary>A customer as the request path needs it: blocked or not, and its budget and limits (from its budget row).</summary>
public sealed record EndUserState
{
    /// <summary>The id requests send as <c>user</c>.</summary>
    public required string UserId { get; init; }

    /// <summary>Requests naming this customer are refused.</summary>
    public bool Blocked { get; init; }

    /// <summary><c>eu</c> or <c>us</c>, or null.</summary>
    public string? AllowedModelRegion { get; init; }

    /// <summary>The model to use when none fits the region, or null.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>The budget (from the customer's budget row) and the customer's spend, or null without a budget row.</summary>
    public BudgetState? Budget { get; init; }

    /// <summary>Limits from the budget row.</summary>
    public LimitSet Limits { get; init; } = LimitSet.None;
}
