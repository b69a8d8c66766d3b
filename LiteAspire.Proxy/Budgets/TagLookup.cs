using LiteAspire.Data;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Replicas;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// Tags (<c>LiteLLM_TagTable</c>) by name, kept in memory for <c>user_api_key_cache_ttl</c> like keys and customers; names
/// that are no tag are remembered too, so free-form request tags cost no query. The tags of one request missing here are
/// read in one query. A change to a tag calls <see cref="InvalidateAsync"/>, which drops it here and, through a Redis
/// channel, on every other replica.
/// </summary>
public sealed class TagLookup : IDisposable
{
    /// <summary>The channel carrying changed tag names between replicas.</summary>
    public const string InvalidationChannel = "litellm:tag:invalidate";

    private readonly ReplicaMemoryCache<TagState> _cache;
    private readonly IServiceScopeFactory _scopes;

    /// <summary>Creates the lookup; <paramref name="replicas"/> is null when the proxy runs without Redis.</summary>
    public TagLookup(IServiceScopeFactory scopes, TimeProvider time, AuthSettings settings, ILogger<TagLookup> logger, IReplicaLink? replicas = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _scopes = scopes;
        _cache = new ReplicaMemoryCache<TagState>(InvalidationChannel, "tag", settings.KeyCacheTtl, time, logger, replicas);
    }

    /// <summary>The tags among <paramref name="names"/> that exist, in the order given.</summary>
    /// <exception cref="DatabaseUnavailableException">Some are not cached and the database cannot be reached.</exception>
    public async ValueTask<IReadOnlyList<TagState>> GetAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        List<TagState>? tags = null;
        List<string>? missing = null;
        foreach (var name in names)
        {
            if (!_cache.TryGet(name, out var cached))
            {
                (missing ??= []).Add(name);
            }
        }

        Dictionary<string, TagState>? found = null;
        if (missing is not null)
        {
            found = await LoadAsync(missing, cancellationToken).ConfigureAwait(false);
            foreach (var name in missing)
            {
                _cache.Set(name, found.GetValueOrDefault(name));
            }
        }

        foreach (var name in names)
        {
            var tag = found is not null && found.TryGetValue(name, out var loaded) ? loaded : _cache.TryGet(name, out var cached) ? cached : null;
            if (tag is not null)
            {
                (tags ??= []).Add(tag);
            }
        }

        return tags ?? (IReadOnlyList<TagState>)[];
    }

    /// <summary>Forgets <paramref name="names"/> here and on every other replica.</summary>
    public Task InvalidateAsync(IEnumerable<string> names) => _cache.InvalidateAsync(names);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private async Task<Dictionary<string, TagState>> LoadAsync(List<string> names, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<LiteLLMDbContext>() is not { } db)
        {
            return [];
        }

        try
        {
            var rows = await db.Tags.AsNoTracking().Include(t => t.Budget).Where(t => names.Contains(t.TagName))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ToDictionary(r => r.TagName, r => new TagState(r.TagName, r.Budget is { } budget
                ? new BudgetState(budget.MaxBudget, r.Spend, budget.SoftBudget, budget.BudgetDuration, budget.BudgetResetAt)
                : null), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException { InnerException: System.Data.Common.DbException })
        {
            throw new DatabaseUnavailableException("The database could not be reached to look up request tags.", e);
        }
    }
}

/// <summary>A tag as the request path needs it: its name and its budget (from its budget row) with the tag's spend.</summary>
/// <param name="Name">The tag.</param>
/// <param name="Budget">The budget, or null when the tag has no budget row.</param>
public sealed record TagState(string Name, BudgetState? Budget);
