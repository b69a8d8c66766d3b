using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Configuration;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// <c>POST /key/regenerate</c> (body <c>key</c>) and <c>POST /key/{key}/regenerate</c>: a new plaintext (random, or
/// <c>new_key</c>) for the same row, with any update fields applied. The old key stops working at once on every replica;
/// its row as it was is kept in <c>LiteLLM_DeletedVerificationToken</c>, as LiteLLM does.
/// </summary>
public static class RegenerateKeyEndpoint
{
    /// <summary>Handles the request; <paramref name="routeKey"/> is the key in the path, when the path form is used.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, string? routeKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var (body, fields) = await RequestFields.ReadAsync<KeyRequest>(context.Request, nullMeansUnset: false, allowEmpty: true, cancellationToken)
            .ConfigureAwait(false);
        var masterKey = context.RequestServices.GetRequiredService<MasterKey>().Value;
        var key = body.Key ?? routeKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw ManagementErrors.BadRequest("No key passed in: give 'key' in the body or the path /key/{key}/regenerate.", "key");
        }

        if (masterKey is not null && string.Equals(key, masterKey, StringComparison.Ordinal))
        {
            throw ManagementErrors.BadRequest("The master key is not a virtual key and cannot be regenerated here; change it in the configuration.",
                "key");
        }

        KeyValidation.Check(body, fields);
        if (body.NewKey is { } chosen)
        {
            KeyValidation.RequireCustomKey(chosen, "new_key", masterKey);
        }

        var db = ManagementDb.Of(context);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var row = await KeyLookup.FindAsync(db, key, "key", cancellationToken).ConfigureAwait(false);
        var team = await KeyLookup.TeamOfAsync(db, row.TeamId, cancellationToken).ConfigureAwait(false);
        KeyAccess.RequireChange(caller, row, team, KeyAccess.RegenerateRoute);
        var plaintext = body.NewKey ?? VirtualKeys.Generate();
        var newToken = VirtualKeys.Hash(plaintext);
        await KeyLookup.RequireNewTokenAsync(db, newToken, "new_key", cancellationToken).ConfigureAwait(false);

        var oldToken = row.Token;
        db.DeletedVerificationTokens.Add(DeletedKeys.Copy(row, now, ManagementActor.Of(caller), caller.Token, ManagementActor.ChangedBy(context.Request)));
        await KeyUpdater.ApplyAsync(context, db, caller, row, team, body, fields, now, cancellationToken).ConfigureAwait(false);
        row.KeyName = VirtualKeys.DisplayName(plaintext);
        row.RotationCount = (row.RotationCount ?? 0) + 1;
        row.LastRotationAt = now;
        await ManagementSave.SaveAsync(db, "A key with this alias", cancellationToken).ConfigureAwait(false);

        // The token is the primary key: EF cannot change it on a tracked row, so the same row is re-keyed in SQL.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"LiteLLM_VerificationToken\" SET \"token\" = {newToken} WHERE \"token\" = {oldToken}", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        db.Entry(row).State = EntityState.Detached;
        row.Token = newToken;
        await KeyChangeEffects.ApplyAsync(context, [oldToken, newToken], [KeyChangeEffects.KeySpend(oldToken)]).ConfigureAwait(false);
        return ManagementJson.Ok(KeyResponses.Generated(row, plaintext, body.Duration));
    }
}
