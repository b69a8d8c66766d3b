using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// What follows a committed change to keys: every replica forgets the cached keys at once, and live spend counters whose
/// stored spend an admin changed are dropped so the next request seeds from the database.
/// </summary>
public static class KeyChangeEffects
{
    /// <summary>Invalidates <paramref name="tokens"/> everywhere and forgets the live spend of <paramref name="spendScopes"/>.</summary>
    public static async Task ApplyAsync(HttpContext context, IEnumerable<string> tokens, IEnumerable<SpendScope>? spendScopes = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        await context.RequestServices.GetRequiredService<ApiKeyCache>().InvalidateAsync(tokens.Distinct(StringComparer.Ordinal).ToList())
            .ConfigureAwait(false);
        if (spendScopes is not null && context.RequestServices.GetService<ILiveSpend>() is { } liveSpend)
        {
            await liveSpend.ForgetAsync(spendScopes.Select(s => s.CounterKey).ToList()).ConfigureAwait(false);
        }
    }

    /// <summary>The live spend counter of a key.</summary>
    public static SpendScope KeySpend(string token) => new("key", token, 0, null, null);

    /// <summary>The live spend counter of a user.</summary>
    public static SpendScope UserSpend(string userId) => new("user", userId, 0, null, null);
}
