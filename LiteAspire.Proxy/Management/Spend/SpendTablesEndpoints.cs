using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;
using LiteAspire.Proxy.Management.Users;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>LiteLLM's older spend lists: <c>/spend/keys</c>, <c>/spend/users</c> and <c>/spend/tags</c> (proxy admins and viewers).</summary>
public static class SpendTablesEndpoints
{
    /// <summary><c>GET /spend/keys</c>: every key row (as <c>/key/info</c> shows it), highest spend first.</summary>
    public static async Task<IResult> KeysAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "spend per key");
        var rows = await ManagementDb.Of(context).VerificationTokens.AsNoTracking().Include(k => k.Budget)
            .OrderByDescending(k => k.Spend).ThenBy(k => k.Token).ToListAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(rows.Select(r => KeyInfo.From(r, withToken: true)));
    }

    /// <summary><c>GET /spend/users?user_id=</c>: every user row, highest spend first (or the one user, as a one-item list).</summary>
    public static async Task<IResult> UsersAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "spend per user");
        var userId = ManagementQuery.Text(context.Request, "user_id");
        var users = ManagementDb.Of(context).Users.AsNoTracking();
        if (userId is not null)
        {
            users = users.Where(u => u.UserId == userId);
        }

        var rows = await users.OrderByDescending(u => u.Spend).ThenBy(u => u.UserId).ToListAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(rows.Select(r => UserInfo.From(r)));
    }

    /// <summary><c>GET /spend/tags?start_date&amp;end_date</c>: <c>[{individual_request_tag, log_count, total_spend}]</c>.</summary>
    public static async Task<IResult> TagsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "spend per tag");
        var (start, end) = SpendParameters.OptionalRange(context.Request);
        var perTag = await TaggedSpend.Between(ManagementDb.Of(context), start, end).GroupBy(p => p.Tag)
            .Select(g => new { IndividualRequestTag = g.Key, LogCount = g.Count(), TotalSpend = g.Sum(p => p.Spend) })
            .OrderByDescending(x => x.TotalSpend).ThenBy(x => x.IndividualRequestTag).ToListAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(perTag);
    }
}
