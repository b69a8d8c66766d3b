using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace LiteAspire.Data.Spend;

/// <summary>What a committed spend batch did.</summary>
/// <param name="Logged">Events that were new: their SpendLogs rows were inserted and their spend counted.</param>
/// <param name="Duplicates">Events already logged before (a redelivery): skipped.</param>
/// <param name="Changes">Every counter the batch raised.</param>
public sealed record SpendBatchResult(int Logged, int Duplicates, IReadOnlyList<CounterChange> Changes);

/// <summary>
/// Applies a batch of spend events in one transaction: the SpendLogs rows of events not seen before (request id unique),
/// then their spend on every counter (<see cref="SpendCounterWriter"/>) and daily aggregate (<see cref="DailySpendWriter"/>).
/// A request delivered twice — a Worker that died before acknowledging, a journal replayed after an ambiguous send — is
/// therefore counted once. Two writers racing on the same new rows collide on a unique key; the loser retries.
/// </summary>
public static class SpendBatchWriter
{
    private const int Attempts = 5;

    /// <summary>Applies <paramref name="events"/> at <paramref name="now"/> (UTC). Throws when the database fails for good; nothing is then written.</summary>
    public static async Task<SpendBatchResult> ApplyAsync(LiteLLMDbContext db, IReadOnlyList<SpendEvent> events, DateTime now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(db, events, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < Attempts && IsRace(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<SpendBatchResult> ApplyOnceAsync(LiteLLMDbContext db, IReadOnlyList<SpendEvent> events, DateTime now,
        CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return new SpendBatchResult(0, 0, []);
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // The log rows first: a writer racing on the same request ids waits here, before it has counted anything.
            var fresh = await SpendLogWriter.InsertNewAsync(db, events, cancellationToken).ConfigureAwait(false);
            var changes = await SpendCounterWriter.AddAsync(db, fresh, now, cancellationToken).ConfigureAwait(false);
            await DailySpendWriter.AddAsync(db, fresh, now, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return new SpendBatchResult(fresh.Count, events.Count - fresh.Count, changes);
        }
    }

    // Another writer inserted the same log or aggregate row first (unique violation), or PostgreSQL chose this one as a deadlock victim.
    private static bool IsRace(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState is PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;
}
