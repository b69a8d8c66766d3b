using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// <c>POST /team/block</c> and <c>/team/unblock</c> (proxy admins): a blocked team's keys get 401 on their next request,
/// on every replica, because their cached entries are dropped when the change commits.
/// </summary>
internal static class TeamBlockEndpoints
{
    public static Task<IResult> BlockAsync(HttpContext context, CancellationToken cancellationToken) => SetAsync(context, true, cancellationToken);

    public static Task<IResult> UnblockAsync(HttpContext context, CancellationToken cancellationToken) => SetAsync(context, false, cancellationToken);

    private static async Task<IResult> SetAsync(HttpContext context, bool blocked, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, blocked ? "block teams" : "unblock teams");
        var request = await ManagementJson.ReadAsync<BlockTeamRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var teamId = request.TeamId ?? throw ManagementErrors.BadRequest("No team id passed in. 'team_id' is required.", "team_id");

        var db = ManagementDb.Of(context);
        var team = await TeamAccess.FindAsync(db, teamId, cancellationToken).ConfigureAwait(false);
        team.Blocked = blocked;
        team.UpdatedAt = ManagementClock.Now(context);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        await AffectedKeys.InvalidateAsync(context, await AffectedKeys.OfTeamsAsync(db, [teamId], cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        return ManagementJson.Ok(TeamView.From(team));
    }
}
