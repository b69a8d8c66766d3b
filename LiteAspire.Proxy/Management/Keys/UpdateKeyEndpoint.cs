using System.Text.Json;

using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary><c>POST /key/update</c>: changes only the fields sent (an explicit null clears one); every replica sees it at once.</summary>
public static class UpdateKeyEndpoint
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var (body, fields) = await RequestFields.ReadAsync<KeyRequest>(context.Request, nullMeansUnset: false, allowEmpty: false, cancellationToken)
            .ConfigureAwait(false);
        KeyValidation.Check(body, fields);
        var db = ManagementDb.Of(context);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var row = await KeyLookup.FindAsync(db, body.Key, "key", cancellationToken).ConfigureAwait(false);
        var team = await KeyLookup.TeamOfAsync(db, row.TeamId, cancellationToken).ConfigureAwait(false);
        KeyAccess.RequireChange(caller, row, team, KeyAccess.UpdateRoute);
        await KeyUpdater.ApplyAsync(context, db, caller, row, team, body, fields, now, cancellationToken).ConfigureAwait(false);
        await ManagementSave.SaveAsync(db, "A key with this alias", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await KeyChangeEffects.ApplyAsync(context, [row.Token], fields.Has("spend") ? [KeyChangeEffects.KeySpend(row.Token)] : null)
            .ConfigureAwait(false);
        var response = JsonSerializer.SerializeToNode(KeyInfo.From(row, withToken: true), ManagementJson.Options)!.AsObject();
        // LiteLLM answers {"key": <as passed>, ...row}; the plaintext is never repeated, so the key is named by its hash.
        response.Insert(0, "key", row.Token);
        return ManagementJson.Ok(response);
    }
}
