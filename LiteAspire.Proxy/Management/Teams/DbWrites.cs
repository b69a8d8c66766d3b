using System.Data.Common;

using LiteAspire.Data;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>Saving a management write, with a unique-key race (two creates of one id at once) as a 400, not a 500.</summary>
internal static class DbWrites
{
    public static async Task SaveAsync(LiteLLMDbContext db, string conflictMessage, string? param, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw ManagementErrors.BadRequest(conflictMessage, param);
        }
    }

    // PostgreSQL reports SQLSTATE 23505; SQLite's constraint error (code 19) carries no SQLSTATE.
    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is DbException inner
            && (inner.SqlState == "23505" || inner.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));
}
