using LiteAspire.Data;
using LiteAspire.Proxy.Replicas;

using Microsoft.EntityFrameworkCore;

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

    private readonly ReplicaMemoryCache<EndUserState> _cache;
    private readonly IServiceScopeFactory _scopes;

    /// <summary>Creates the lookup; <paramref name="replicas"/> is null when the proxy runs without Redis.</summary>
    public EndUserLookup(IServiceScopeFactory scopes, TimeProvider time, AuthSettings settings, ILogger<EndUserLookup> logger,
        IReplicaLink? replicas = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _scopes = scopes;
        _cache = new ReplicaMemoryCache<EndUserState>(InvalidationChannel, "customer", settings.KeyCacheTtl, time, logger, replicas);
    }

    /// <summary>The customer <paramref name="endUserId"/>, or null when there is none (or no database to ask).</summary>
    /// <exception cref="DatabaseUnavailableException">It is not cached and the database cannot be reached.</exception>
    public async ValueTask<EndUserState?> GetAsync(string endUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endUserId);
        if (_cache.TryGet(endUserId, out var cached))
        {
            return cached;
        }

        var found = await LoadAsync(endUserId, cancellationToken).ConfigureAwait(false);
        _cache.Set(endUserId, found);
        return found;
    }

    /// <summary>Forgets <paramref name="endUserIds"/> here and on every other replica.</summary>
    public Task InvalidateAsync(IEnumerable<string> endUserIds) => _cache.InvalidateAsync(endUserIds);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

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
