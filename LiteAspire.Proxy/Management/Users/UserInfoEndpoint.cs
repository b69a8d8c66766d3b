using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>
/// <c>GET /user/info?user_id=</c>: the user's row (no password), keys (no plaintext) and teams. Without <c>user_id</c>: the
/// caller; for a proxy admin, every key and team (LiteLLM's admin view). Admins and viewers read anyone; a user reads
/// themselves; a team admin reads the members of their team.
/// </summary>
public static class UserInfoEndpoint
{
    /// <summary>The answer.</summary>
    /// <param name="UserId">The user.</param>
    /// <param name="UserInfo">The user's row, or null (admin view without a user).</param>
    /// <param name="Keys">The user's keys.</param>
    /// <param name="Teams">The user's teams.</param>
    public sealed record Response(string? UserId, UserInfo? UserInfo, IReadOnlyList<KeyInfo> Keys, IReadOnlyList<UserTeamInfo> Teams);

    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        var db = ManagementDb.Of(context);
        var userId = ManagementQuery.Text(context.Request, "user_id");
        if (userId is null && LiteLLMRoles.IsAdmin(caller.UserRole))
        {
            return ManagementJson.Ok(await AdminViewAsync(db, caller, cancellationToken).ConfigureAwait(false));
        }

        userId ??= caller.UserId
            ?? throw ManagementErrors.BadRequest("user_id is required. Either pass it as a query parameter or authenticate with a user-bound key.",
                "user_id");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == userId, cancellationToken).ConfigureAwait(false);
        var teams = user is null ? [] : await TeamsOfAsync(db, user, cancellationToken).ConfigureAwait(false);
        if (!CanRead(caller, userId, teams))
        {
            throw ManagementAccess.Forbidden($"You are not allowed to view user {userId}. Your role={caller.UserRole ?? "None"}");
        }

        if (user is null)
        {
            throw ManagementErrors.NotFound($"User {userId} not found", "user_id");
        }

        var keys = await db.VerificationTokens.AsNoTracking().Include(k => k.Budget).Where(k => k.UserId == userId)
            .OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(new Response(userId, UserInfo.From(user), WithTeamAliases(keys, teams),
            [.. teams.OrderBy(t => t.TeamAlias ?? "", StringComparer.Ordinal).Select(UserTeamInfo.From)]));
    }

    private static bool CanRead(ApiKeyAuth caller, string userId, IReadOnlyList<TeamTable> teamsOfUser) =>
        LiteLLMRoles.CanReadAll(caller.UserRole)
        || caller.UserId == userId
        || teamsOfUser.Any(t => KeyAccess.IsTeamAdmin(t, caller.UserId) && !KeyAccess.OfOtherTeam(caller, t.TeamId));

    private static async Task<Response> AdminViewAsync(LiteLLMDbContext db, ApiKeyAuth caller, CancellationToken cancellationToken)
    {
        var user = caller.UserId is null ? null
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == caller.UserId, cancellationToken).ConfigureAwait(false);
        var keys = await db.VerificationTokens.AsNoTracking().Include(k => k.Budget)
            .Where(k => k.TeamId == null || k.TeamId != ListKeysEndpoint.UiSessionTeamId).OrderBy(k => k.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var teams = await db.Teams.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Response(caller.UserId, user is null ? null : UserInfo.From(user), WithTeamAliases(keys, teams),
            [.. teams.OrderBy(t => t.TeamAlias ?? "", StringComparer.Ordinal).Select(UserTeamInfo.From)]);
    }

    // The user's teams: their team list, their membership rows, and any team naming them in members_with_roles.
    private static async Task<List<TeamTable>> TeamsOfAsync(LiteLLMDbContext db, UserTable user, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(user.Teams ?? [], StringComparer.Ordinal);
        ids.UnionWith(await db.TeamMemberships.Where(m => m.UserId == user.UserId).Select(m => m.TeamId).ToListAsync(cancellationToken)
            .ConfigureAwait(false));
        var listed = ids.ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => listed.Contains(t.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return teams.Where(t => TeamRoles.RoleOf(t, user.UserId) is not null || (user.Teams ?? []).Contains(t.TeamId)).ToList();
    }

    private static List<KeyInfo> WithTeamAliases(IEnumerable<VerificationToken> keys, IReadOnlyList<TeamTable> teams) =>
        [.. keys.Select(k => KeyInfo.From(k, withToken: true) with
        {
            TeamAlias = k.TeamId is null ? "None" : teams.FirstOrDefault(t => t.TeamId == k.TeamId)?.TeamAlias,
        })];
}
