using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary><c>GET /key/info?key=</c>: one key's row (without its hash); without <c>key</c>, the caller's own key.</summary>
public static class KeyInfoEndpoint
{
    /// <summary>The answer: the key's hash and its row.</summary>
    /// <param name="Key">The key's hash.</param>
    /// <param name="Info">The row.</param>
    public sealed record Response(string Key, KeyInfo Info);

    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        var requested = context.Request.Query["key"].ToString();
        var db = ManagementDb.Of(context);
        var row = await KeyLookup.FindAsync(db, string.IsNullOrEmpty(requested) ? caller.Token : requested, "key", context.RequestAborted)
            .ConfigureAwait(false);
        var team = await KeyLookup.TeamOfAsync(db, row.TeamId, context.RequestAborted).ConfigureAwait(false);
        KeyAccess.RequireRead(caller, row, team);
        return ManagementJson.Ok(new Response(row.Token, KeyInfo.From(row, withToken: false)));
    }
}
