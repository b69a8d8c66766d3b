using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LiteAspire.Data.Database;

/// <summary>Schema migrations that replicas starting together apply exactly once.</summary>
public static class ExclusiveMigration
{
    // pg_advisory_lock key of LiteAspire's schema migrations ("LiteLLM" in ASCII).
    private const long MigrationLockId = 0x4C6974654C4C4D;

    /// <summary>
    /// Applies pending migrations with one instance at a time. EF Core 9+ locks each migration's transaction (on PostgreSQL
    /// with LOCK TABLE "__EFMigrationsHistory", on SQLite with a row in "__EFMigrationsLock"), but not the whole run: an
    /// instance that read the history before another applied the next migration tries to apply it again. So on PostgreSQL
    /// the whole run also holds a session advisory lock. It is released explicitly: a closed connection goes back to the
    /// pool with its session, lock included, so another replica would wait for it until the pool dropped the connection.
    /// A database that does not exist yet is created by MigrateAsync first.
    /// </summary>
    public static async Task RunAsync(DatabaseFacade database, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (provider != DatabaseProvider.PostgreSql || !await database.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await database.MigrateAsync(cancellationToken);
            return;
        }

        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            // No command timeout while waiting: another replica's migration may take longer than one.
            database.SetCommandTimeout(TimeSpan.Zero);
            await database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockId})", cancellationToken);
            database.SetCommandTimeout(null);
            try
            {
                await database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockId})", CancellationToken.None);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
