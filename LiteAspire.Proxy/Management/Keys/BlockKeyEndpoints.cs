using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary><c>POST /key/block</c> and <c>POST /key/unblock</c>: <c>{"key": ...}</c>; takes effect on every replica at once.</summary>
public static class BlockKeyEndpoints
{
    /// <summary>The request.</summary>
    public sealed record Request
    {
        /// <summary>The key (plaintext or hash).</summary>
        public string? Key { get; init; }
    }

    /// <summary>Handles <c>/key/block</c> (<paramref name="blocked"/> true) or <c>/key/unblock</c>; answers the key's row.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, bool blocked)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var body = await ManagementJson.ReadAsync<Request>(context.Request, cancellationToken).ConfigureAwait(false);
        var db = ManagementDb.Of(context);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var row = await KeyLookup.FindAsync(db, body.Key, "key", cancellationToken).ConfigureAwait(false);
        var team = await KeyLookup.TeamOfAsync(db, row.TeamId, cancellationToken).ConfigureAwait(false);
        KeyAccess.RequireTeamAdmin(caller, row, team, blocked ? "block" : "unblock");
        row.Blocked = blocked;
        row.UpdatedAt = now;
        row.UpdatedBy = ManagementActor.Of(caller);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await KeyChangeEffects.ApplyAsync(context, [row.Token]).ConfigureAwait(false);
        return ManagementJson.Ok(KeyInfo.From(row, withToken: true));
    }
}
