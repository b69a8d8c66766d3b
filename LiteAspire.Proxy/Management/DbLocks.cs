using LiteAspire.Data;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management;

/// <summary>
/// Named locks held until the current transaction ends (PostgreSQL advisory transaction locks), so that writers of the same
/// thing read and write one after the other: a second <c>/team/member_add</c> to a team sees the first one's member. SQLite
/// lets one writer in at a time already; there this does nothing.
/// </summary>
internal static class DbLocks
{
    /// <summary>Waits for, then holds until commit or rollback, the lock named <paramref name="name"/>. Call inside a transaction.</summary>
    public static async Task LockAsync(LiteLLMDbContext db, string name, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({name}))", cancellationToken).ConfigureAwait(false);
        }
    }
}
