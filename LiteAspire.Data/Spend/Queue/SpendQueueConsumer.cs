using LiteAspire.Data.Spend;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using StackExchange.Redis;

namespace LiteAspire.Data.Spend.Queue;

/// <summary>
/// A spend writer: reads the spend stream as one consumer of <see cref="SpendStreamNames.Group"/>, applies each batch in one
/// database transaction (<see cref="SpendBatchWriter"/>), and only then acknowledges and deletes its entries. Entries a dead
/// consumer had read are claimed after <see cref="SpendConsumerOptions.ClaimIdle"/>; because the batch writer skips requests
/// already logged, an entry processed twice is counted once. More replicas = more consumers, each taking other entries.
/// </summary>
public sealed partial class SpendQueueConsumer(IConnectionMultiplexer redis, IServiceScopeFactory scopes, IOptions<SpendConsumerOptions> options,
    TimeProvider time, ILogger<SpendQueueConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryPause = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DeadConsumerIdle = TimeSpan.FromHours(1);

    private readonly SpendConsumerOptions _options = options.Value;
    private RedisValue _claimCursor = "0-0";
    private DateTimeOffset _nextClaim;
    private bool _groupReady;
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
                }

                var read = await StepAsync(stoppingToken).ConfigureAwait(false);
                pause = read > 0 ? TimeSpan.Zero : _options.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // NOGROUP after Redis lost its data, a restart, a timeout: start over once Redis answers.
                _groupReady = false;
                LogRedisUnavailable(logger, e.Message);
                pause = TimeSpan.FromSeconds(1);
            }
        }
    }

    /// <summary>One read (or claim) and its batch; returns how many entries it handled.</summary>
    private async Task<int> StepAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        if (!_groupReady)
        {
            await EnsureGroupAsync(db).ConfigureAwait(false);
            _groupReady = true;
        }

        StreamEntry[] entries;
        if (time.GetUtcNow() >= _nextClaim)
        {
            entries = await ClaimAbandonedAsync(db).ConfigureAwait(false);
        }
        else
        {
            entries = await db.StreamReadGroupAsync(SpendStreamNames.Key, SpendStreamNames.Group, _options.ConsumerName, StreamPosition.NewMessages,
                _options.BatchSize).ConfigureAwait(false);
        }

        if (entries.Length > 0)
        {
            await HandleAsync(db, entries, cancellationToken).ConfigureAwait(false);
        }

        return entries.Length;
    }

    private static async Task EnsureGroupAsync(IDatabase db)
    {
        try
        {
            // From the beginning: entries appended before any writer existed are written too.
            await db.StreamCreateConsumerGroupAsync(SpendStreamNames.Key, SpendStreamNames.Group, StreamPosition.Beginning, createStream: true)
                .ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another writer created it.
        }
    }

    // Entries other consumers read but never acknowledged (they died), one chunk per call; then forget consumers long gone.
    private async Task<StreamEntry[]> ClaimAbandonedAsync(IDatabase db)
    {
        var claimed = await db.StreamAutoClaimAsync(SpendStreamNames.Key, SpendStreamNames.Group, _options.ConsumerName,
            (long)_options.ClaimIdle.TotalMilliseconds, _claimCursor, _options.BatchSize).ConfigureAwait(false);
        _claimCursor = claimed.NextStartId;
        if (_claimCursor == "0-0")
        {
            // A full pass over the pending entries is done: the next one starts after the interval.
            _nextClaim = time.GetUtcNow() + _options.ClaimInterval;
            await ForgetDeadConsumersAsync(db).ConfigureAwait(false);
        }

        if (claimed.ClaimedEntries.Length > 0)
        {
            LogClaimed(logger, claimed.ClaimedEntries.Length);
        }

        return claimed.ClaimedEntries;
    }

    private async Task ForgetDeadConsumersAsync(IDatabase db)
    {
        foreach (var consumer in await db.StreamConsumerInfoAsync(SpendStreamNames.Key, SpendStreamNames.Group).ConfigureAwait(false))
        {
            if (consumer.PendingMessageCount == 0 && consumer.IdleTimeInMilliseconds > DeadConsumerIdle.TotalMilliseconds
                && consumer.Name != _options.ConsumerName)
            {
                await db.StreamDeleteConsumerAsync(SpendStreamNames.Key, SpendStreamNames.Group, consumer.Name).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(IDatabase db, StreamEntry[] entries, CancellationToken cancellationToken)
    {
        var events = new List<SpendEvent>();
        var ids = new RedisValue[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            ids[i] = entries[i].Id;
            foreach (var pair in entries[i].Values)
            {
                if (pair.Name == SpendStreamNames.Field && !pair.Value.IsNull && SpendEventJson.TryDeserialize((byte[])pair.Value!) is { } spendEvent)
                {
                    events.Add(spendEvent);
                }
                else
                {
                    await DeadLetterAsync(db, entries[i].Id, pair).ConfigureAwait(false);
                }
            }
        }

        var result = await WriteUntilCommittedAsync(events, cancellationToken).ConfigureAwait(false);

        // Acknowledge and delete together: an entry is never left acknowledged but still taking memory, or deleted but pending.
        var transaction = db.CreateTransaction();
        _ = transaction.StreamAcknowledgeAsync(SpendStreamNames.Key, SpendStreamNames.Group, ids);
        _ = transaction.StreamDeleteAsync(SpendStreamNames.Key, ids);
        await transaction.ExecuteAsync().ConfigureAwait(false);

        if (result.Changes.Count > 0)
        {
            await NotifyAsync(result.Changes, cancellationToken).ConfigureAwait(false);
        }
    }

    // The database may be down or restarting: keep the batch (nothing is acknowledged) and try again, pausing longer each time.
    private async Task<SpendBatchResult> WriteUntilCommittedAsync(List<SpendEvent> events, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
                return await SpendBatchWriter.ApplyAsync(db, events, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogWriteFailed(logger, events.Count, e.GetBaseException().Message);
                await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxRetryPause.Ticks));
            }
        }
    }

    private async Task NotifyAsync(IReadOnlyList<CounterChange> changes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var observer in scope.ServiceProvider.GetServices<ISpendCommitObserver>())
        {
            try
            {
                await observer.OnCommittedAsync(changes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogObserverFailed(logger, observer.GetType().Name, e.Message);
            }
        }
    }

    private async Task DeadLetterAsync(IDatabase db, RedisValue entryId, NameValueEntry pair)
    {
        LogDamaged(logger, entryId.ToString());
        await db.StreamAddAsync(SpendStreamNames.DeadLetterKey, [new("entry", entryId), new("reason", "not a spend event"), pair]).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spend stream unavailable ({Error}); retrying.")]
    private static partial void LogRedisUnavailable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over {Count} spend events a stopped writer had read.")]
    private static partial void LogClaimed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} spend events failed ({Error}); keeping them and retrying.")]
    private static partial void LogWriteFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spend observer {Observer} failed: {Error}")]
    private static partial void LogObserverFailed(ILogger logger, string observer, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spend stream entry {Id} holds something that is not a spend event; moved it to the dead-letter stream.")]
    private static partial void LogDamaged(ILogger logger, string id);
}
