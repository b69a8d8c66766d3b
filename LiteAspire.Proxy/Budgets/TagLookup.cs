using System.Collections.Concurrent;

using LiteAspire.Data;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

using StackExchange.Redis;

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

    // Beyond this many remembered names (most of them free-form tags), start again rather than grow without bound.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _memory = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly ILogger<TagLookup> _logger;
    private readonly IConnectionMultiplexer? _redis;
    private ISubscriber? _subscriber;
    private int _subscribed;

    /// <summary>Creates the lookup; <paramref name="redis"/> is null when the proxy runs without Redis.</summary>
    public TagLookup(IServiceScopeFactory scopes, TimeProvider time, AuthSettings settings, ILogger<TagLookup> logger, IConnectionMultiplexer? redis = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _scopes = scopes;
        _time = time;
        _ttl = settings.KeyCacheTtl;
        _logger = logger;
        _redis = redis;
    }

    /// <summary>The tags among <paramref name="names"/> that exist, in the order given.</summary>
    /// <exception cref="DatabaseUnavailableException">Some are not cached and the database cannot be reached.</exception>
    public async ValueTask<IReadOnlyList<TagState>> GetAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var now = _time.GetTimestamp();
        List<string>? missing = null;
        foreach (var name in names)
        {
            if (!_memory.TryGetValue(name, out var cached) || now >= cached.ExpiresAt)
            {
                (missing ??= []).Add(name);
            }
        }

        if (missing is not null)
        {
            EnsureSubscribed();
            var found = await LoadAsync(missing, cancellationToken).ConfigureAwait(false);
            if (_memory.Count >= MaxEntries)
            {
                _memory.Clear();
            }

            var expires = now + (long)(_ttl.TotalSeconds * _time.TimestampFrequency);
            foreach (var name in missing)
            {
                _memory[name] = new Entry(found.GetValueOrDefault(name), expires);
            }
        }

        List<TagState>? tags = null;
        foreach (var name in names)
        {
            if (_memory.TryGetValue(name, out var entry) && entry.Value is { } tag)
            {
                (tags ??= []).Add(tag);
            }
        }

        return tags ?? (IReadOnlyList<TagState>)[];
    }

    /// <summary>Forgets <paramref name="names"/> here and on every other replica.</summary>
    public async Task InvalidateAsync(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            _memory.TryRemove(name, out _);
            if (_redis is null)
            {
                continue;
            }

            try
            {
                await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(InvalidationChannel), name).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                _logger.LogWarning("Could not announce a tag change ({Error}); other replicas keep theirs until its TTL.", e.Message);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _subscriber?.Unsubscribe(RedisChannel.Literal(InvalidationChannel));

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

    private void EnsureSubscribed()
    {
        if (_redis is null || Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }

        try
        {
            _subscriber = _redis.GetSubscriber();
            _subscriber.Subscribe(RedisChannel.Literal(InvalidationChannel), (_, message) => _memory.TryRemove((string)message!, out Entry _));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _subscribed = 0;
            _logger.LogWarning("Could not subscribe to tag invalidations ({Error}); will retry.", e.Message);
        }
    }

    private readonly record struct Entry(TagState? Value, long ExpiresAt);
}

/// <summary>A tag as the request path needs it: its name and its budget (from its budget row) with the tag's spend.</summary>
/// <param name="Name">The tag.</param>
/// <param name="Budget">The budget, or null when the tag has no budget row.</param>
public sealed record TagState(string Name, BudgetState? Budget);
