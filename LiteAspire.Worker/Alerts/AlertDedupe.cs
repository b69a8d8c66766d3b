using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;

using Microsoft.EntityFrameworkCore;

using StackExchange.Redis;

namespace LiteAspire.Worker.Alerts;

/// <summary>
/// "Send this alert once": the first caller to claim a key gets true until it expires (the end of the budget period), every
/// other Worker and every replayed batch gets false.
/// </summary>
public interface IAlertDedupe
{
    /// <summary>Claims <paramref name="key"/> until <paramref name="expiresAt"/> (UTC); false when already claimed.</summary>
    ValueTask<bool> TryClaimAsync(string key, DateTime expiresAt, CancellationToken cancellationToken);
}

/// <summary>Claims in Redis with <c>SET key 1 NX PX ttl</c>, shared by every Worker; falls back to <paramref name="fallback"/> while Redis is down.</summary>
public sealed class RedisAlertDedupe(IConnectionMultiplexer redis, TimeProvider time, IAlertDedupe fallback, ILogger<RedisAlertDedupe> logger) : IAlertDedupe
{
    /// <inheritdoc />
    public async ValueTask<bool> TryClaimAsync(string key, DateTime expiresAt, CancellationToken cancellationToken)
    {
        var ttl = expiresAt - time.GetUtcNow().UtcDateTime;
        try
        {
            return await redis.GetDatabase().StringSetAsync(key, "1", ttl > TimeSpan.Zero ? ttl : TimeSpan.FromSeconds(1), When.NotExists).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning("Redis unavailable for budget alert de-duplication ({Error}); using the database.", e.Message);
            return await fallback.TryClaimAsync(key, expiresAt, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Claims as rows of <c>LiteLLM_Config</c> named <c>budget_alert_sent:&lt;key&gt;</c> (the primary key makes the insert the
/// claim): durable without Redis and without a schema change. Expired rows are deleted now and then. With no database either,
/// claims are kept in this process.
/// </summary>
public sealed class DatabaseAlertDedupe(IServiceScopeFactory scopes, TimeProvider time, ILogger<DatabaseAlertDedupe> logger) : IAlertDedupe
{
    /// <summary>The <c>param_name</c> prefix of the claim rows.</summary>
    public const string Prefix = "budget_alert_sent:";

    private static readonly TimeSpan CleanupEvery = TimeSpan.FromHours(1);
    private readonly InMemoryAlertDedupe _noDatabase = new(time);
    private long _lastCleanup;

    /// <inheritdoc />
    public async ValueTask<bool> TryClaimAsync(string key, DateTime expiresAt, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            if (scope.ServiceProvider.GetService<LiteLLMDbContext>() is not { } db)
            {
                return await _noDatabase.TryClaimAsync(key, expiresAt, cancellationToken).ConfigureAwait(false);
            }

            await CleanupAsync(db, cancellationToken).ConfigureAwait(false);
            db.Config.Add(new Config
            {
                ParamName = Prefix + key,
                ParamValue = new JsonObject { ["expires_at"] = expiresAt.ToString("O", CultureInfo.InvariantCulture) }.ToJsonString(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateException)
            {
                // The row is there: another Worker (or an earlier run of this batch) claimed it.
                return false;
            }
        }
    }

    private async Task CleanupAsync(LiteLLMDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastCleanup);
        if (last != 0 && time.GetElapsedTime(last, now) < CleanupEvery)
        {
            return;
        }

        Interlocked.Exchange(ref _lastCleanup, now);
        try
        {
            var utcNow = time.GetUtcNow().UtcDateTime;
            var claims = await db.Config.AsNoTracking().Where(c => c.ParamName.StartsWith(Prefix)).ToListAsync(cancellationToken).ConfigureAwait(false);
            var expired = claims.Where(c => ExpiresAt(c.ParamValue) is { } at && at <= utcNow).Select(c => c.ParamName).ToList();
            if (expired.Count > 0)
            {
                await db.Config.Where(c => expired.Contains(c.ParamName)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbUpdateException e)
        {
            logger.LogWarning("Could not delete expired budget alert claims ({Error}).", e.Message);
        }
    }

    private static DateTime? ExpiresAt(string? value)
    {
        try
        {
            return JsonNode.Parse(value ?? "null")?["expires_at"]?.GetValue<string>() is { } text
                && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>Claims in this process: a Worker with neither Redis nor a database.</summary>
public sealed class InMemoryAlertDedupe(TimeProvider time) : IAlertDedupe
{
    private readonly ConcurrentDictionary<string, DateTime> _claims = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(string key, DateTime expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (old, at) in _claims)
        {
            if (at <= now)
            {
                _claims.TryRemove(new KeyValuePair<string, DateTime>(old, at));
            }
        }

        return ValueTask.FromResult(_claims.TryAdd(key, expiresAt));
    }
}
