using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// <c>POST /key/delete</c>: <c>{"keys": [...]}</c> and/or <c>{"key_aliases": [...]}</c>. All or nothing: one unknown or
/// forbidden key deletes none. Deleted rows are kept in <c>LiteLLM_DeletedVerificationToken</c> for spend history.
/// </summary>
public static class DeleteKeysEndpoint
{
    /// <summary>The request.</summary>
    public sealed record Request
    {
        /// <summary>Keys (plaintext or hash).</summary>
        public IReadOnlyList<string>? Keys { get; init; }

        /// <summary>Aliases of keys.</summary>
        public IReadOnlyList<string>? KeyAliases { get; init; }
    }

    /// <summary>The answer: the keys and aliases as passed.</summary>
    /// <param name="DeletedKeys">What was deleted, as the request named it.</param>
    public sealed record Response(IReadOnlyList<string> DeletedKeys);

    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var body = await ManagementJson.ReadAsync<Request>(context.Request, cancellationToken).ConfigureAwait(false);
        var keys = body.Keys ?? [];
        var aliases = body.KeyAliases ?? [];
        if (keys.Count == 0 && aliases.Count == 0)
        {
            throw ManagementErrors.BadRequest("Pass the keys to delete in 'keys' (keys or their hashes) or 'key_aliases'.", "keys");
        }

        var db = ManagementDb.Of(context);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var rows = new Dictionary<string, VerificationToken>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var row = await KeyLookup.FindAsync(db, key, "keys", cancellationToken).ConfigureAwait(false);
            rows[row.Token] = row;
        }

        foreach (var alias in aliases)
        {
            var found = await db.VerificationTokens.Where(k => k.KeyAlias == alias).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (found.Count == 0)
            {
                throw ManagementErrors.NotFound($"Key not found for key_alias={alias}", "key_aliases");
            }

            foreach (var row in found)
            {
                rows[row.Token] = row;
            }
        }

        foreach (var row in rows.Values)
        {
            var team = await KeyLookup.TeamOfAsync(db, row.TeamId, cancellationToken).ConfigureAwait(false);
            KeyAccess.RequireChange(caller, row, team, KeyAccess.DeleteRoute);
        }

        var deletedBy = ManagementActor.Of(caller);
        var changedBy = ManagementActor.ChangedBy(context.Request);
        foreach (var row in rows.Values)
        {
            db.DeletedVerificationTokens.Add(DeletedKeys.Copy(row, now, deletedBy, caller.Token, changedBy));
            db.VerificationTokens.Remove(row);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await KeyChangeEffects.ApplyAsync(context, rows.Keys, rows.Keys.Select(KeyChangeEffects.KeySpend)).ConfigureAwait(false);
        return ManagementJson.Ok(new Response([.. keys, .. aliases]));
    }
}
