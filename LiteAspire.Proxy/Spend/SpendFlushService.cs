using LiteAspire.Data;
using LiteAspire.Data.Spend;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// Writes queued spend to the database: up to <see cref="BatchSize"/> events per transaction, gathered over <see cref="BatchWindow"/>.
/// A failed batch is kept and retried (with a pause) before newer events; on shutdown what is queued is written.
/// </summary>
public sealed class SpendFlushService(SpendRecorder recorder, IServiceScopeFactory scopes, TimeProvider time, ILogger<SpendFlushService> logger)
    : BackgroundService
{
    /// <summary>Events per database transaction at most.</summary>
    public const int BatchSize = 500;

    /// <summary>How long the first event of a batch waits for others: budgets read live counters, so the database may lag this much.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<SpendEvent>(BatchSize);
        try
        {
            while (await recorder.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                // One transaction per window rather than per request keeps the database's (and the core's) work per request small.
                await Task.Delay(BatchWindow, time, stoppingToken).ConfigureAwait(false);
                Fill(batch);
                while (!await TryWriteAsync(batch, stoppingToken).ConfigureAwait(false))
                {
                    await Task.Delay(RetryPause, time, stoppingToken).ConfigureAwait(false);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is queued, once, without waiting for a database that is gone.
            Fill(batch);
            await TryWriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private void Fill(List<SpendEvent> batch)
    {
        while (batch.Count < BatchSize && recorder.Reader.TryRead(out var spendEvent))
        {
            batch.Add(spendEvent);
        }
    }

    private async Task<bool> TryWriteAsync(List<SpendEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return true;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
            await SpendBatchWriter.ApplyAsync(db, batch, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Writing {Count} spend events failed ({Error}); retrying.", batch.Count, e.Message);
            return false;
        }
    }
}
