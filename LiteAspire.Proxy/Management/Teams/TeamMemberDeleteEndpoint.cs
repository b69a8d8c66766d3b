using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// <c>POST /team/member_delete</c> (proxy admins and the team's admins): the member leaves <c>members_with_roles</c>, their
/// membership row is deleted and the team leaves their user's <c>teams</c>.
/// </summary>
internal static class TeamMemberDeleteEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var request = await ManagementJson.ReadAsync<TeamMemberDeleteRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var teamId = request.TeamId ?? throw ManagementErrors.BadRequest("No team id passed in. 'team_id' is required.", "team_id");
        if (request.UserId is null && request.UserEmail is null)
        {
            throw ManagementErrors.BadRequest("Either user_id or user_email needs to be passed in.", "user_id");
        }

        var db = ManagementDb.Of(context);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var team = await TeamAccess.FindForUpdateAsync(db, teamId, cancellationToken).ConfigureAwait(false);
        TeamAccess.RequireManage(caller, team, "/team/member_delete");
        var members = TeamMembers.Read(team.MembersWithRoles);
        var leaving = members.FindAll(m => m.Matches(request.UserId, request.UserEmail));
        if (leaving.Count == 0)
        {
            throw ManagementErrors.BadRequest(
                $"User not found in team. user_id={request.UserId ?? "None"}, user_email={request.UserEmail ?? "None"}, team_id={teamId}", "user_id");
        }

        var now = ManagementClock.Now(context);
        var userIds = leaving.Select(m => m.UserId).OfType<string>().ToList();
        team.MembersWithRoles = TeamMembers.Write(members.Except(leaving));
        team.UpdatedAt = now;
        db.TeamMemberships.RemoveRange(await db.TeamMemberships.Where(m => m.TeamId == teamId && userIds.Contains(m.UserId))
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        foreach (var user in await db.Users.Where(u => userIds.Contains(u.UserId)).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            user.Teams = user.Teams.Where(t => t != teamId).ToList();
            user.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await AffectedKeys.InvalidateAsync(context, await AffectedKeys.OfTeamsAsync(db, [teamId], cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        return ManagementJson.Ok(TeamView.From(team));
    }
}
