using LiteAspire.Data.Spend;
using LiteAspire.Data.Spend.Queue;

using StackExchange.Redis;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// Moves recorded spend events onto the Redis spend stream: whatever arrived within <see cref="Linger"/> of the first goes
/// as one stream entry (one command, however many requests). What Redis does not acknowledge goes to the
/// <see cref="SpendJournal"/> on disk; while Redis is away new events go straight there, and once it
/// answers again the journal is replayed into the stream. On shutdown what is queued is shipped or journaled.
/// </summary>
public sealed partial class SpendStreamShipper(SpendRecorder recorder, IConnectionMultiplexer redis, SpendJournal journal, ILogger<SpendStreamShipper> logger)
    : BackgroundService
{
    /// <summary>Events per stream entry at most.</summary>
    public const int BatchSize = 512;

    /// <summary>
    /// How long the first event of a batch waits for others. Shipping each event alone costs a command and a wake-up per
    /// request; this bounds how long an event lives only in memory.
    /// </summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(2);

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private volatile bool _redisDown;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        recorder.Overflow = e => journal.Append([SpendEventJson.Serialize(e)]);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var replaying = ReplayWhenRedisAnswersAsync(stoppingToken);
        try
        {
            while (await recorder.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                if (recorder.Reader.Count < BatchSize)
                {
                    await Task.Delay(Linger, stoppingToken).ConfigureAwait(false);
                }

                await ShipQueuedAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: ship what is queued, or keep it on disk for the next start.
            do
            {
                await ShipQueuedAsync().ConfigureAwait(false);
            }
            while (recorder.Reader.Count > 0);
        }

        await replaying.ConfigureAwait(false);
    }

    // Up to BatchSize queued events, as one stream entry (or to the journal).
    private async Task ShipQueuedAsync()
    {
        var batch = new List<byte[]>(Math.Min(recorder.Reader.Count, BatchSize));
        while (batch.Count < BatchSize && recorder.Reader.TryRead(out var spendEvent))
        {
            batch.Add(SpendEventJson.Serialize(spendEvent));
        }

        if (batch.Count == 0)
        {
            return;
        }

        if (_redisDown || !redis.IsConnected)
        {
            journal.Append(batch);
            MarkDown("not connected");
            return;
        }

        try
        {
            await redis.GetDatabase().AppendSpendEventsAsync(batch).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            journal.Append(batch);
            MarkDown(e.Message);
        }
    }

    private void MarkDown(string reason)
    {
        if (!_redisDown)
        {
            _redisDown = true;
            LogJournaling(logger, reason);
        }
    }

    // While events wait on disk: once Redis answers, put them on the stream, then ship directly again.
    private async Task ReplayWhenRedisAnswersAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProbeInterval, stoppingToken).ConfigureAwait(false);
                if (!journal.HasEvents && !_redisDown)
                {
                    continue;
                }

                var db = redis.GetDatabase();
                await db.PingAsync().ConfigureAwait(false);
                // New events go to Redis again first, so the journal only shrinks from here.
                _redisDown = false;
                var replayed = await journal.ReplayAsync(async chunk =>
                {
                    await db.AppendSpendEventsAsync(chunk).ConfigureAwait(false);
                    return true;
                }, BatchSize, stoppingToken).ConfigureAwait(false);
                if (replayed > 0)
                {
                    LogReplayed(logger, replayed, journal.Bytes);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException or IOException)
            {
                MarkDown(e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot take spend events ({Reason}): keeping them in the disk journal until it answers.")]
    private static partial void LogJournaling(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} spend events from the disk journal into Redis; {Bytes} bytes still waiting.")]
    private static partial void LogReplayed(ILogger logger, int count, long bytes);
}
