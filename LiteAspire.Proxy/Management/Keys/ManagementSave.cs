using System.Data.Common;

using LiteAspire.Data;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>Saving management changes: a row that a concurrent request created first is a 400, never a 500.</summary>
public static class ManagementSave
{
    // SQLSTATE unique_violation (PostgreSQL); SQLite reports its constraint errors without one.
    private const string UniqueViolation = "23505";

    /// <summary>Saves the changes; a duplicate row becomes a 400 naming what clashed.</summary>
    public static async Task SaveAsync(LiteLLMDbContext db, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e.InnerException is DbException { SqlState: UniqueViolation } || IsSqliteConstraint(e))
        {
            throw ManagementErrors.BadRequest($"{what} already exists (created by a concurrent request).");
        }
    }

    private static bool IsSqliteConstraint(DbUpdateException e) =>
        e.InnerException is DbException inner && inner.GetType().Name == "SqliteException"
        && inner.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);
}
