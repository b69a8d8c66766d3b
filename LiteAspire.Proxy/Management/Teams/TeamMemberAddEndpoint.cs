using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// <c>POST /team/member_add</c> (proxy admins and the team's admins): adds one member or a list, creating users that do not
/// exist; one invalid member or one already in the team refuses the whole request and adds nobody.
/// </summary>
internal static class TeamMemberAddEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var request = await ManagementJson.ReadAsync<TeamMemberAddRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var teamId = request.TeamId ?? throw ManagementErrors.BadRequest("No team id passed in. 'team_id' is required.", "team_id");
        if (MemberList.Read(request.Member, "member") is not { Count: > 0 } members)
        {
            throw ManagementErrors.BadRequest("No member/members passed in. 'member' is required.", "member");
        }

        TeamRules.ValidateMembers(members, "member", TeamRules.Roles);
        ManagementErrors.RequireNonNegative(request.MaxBudgetInTeam, "max_budget_in_team");

        var db = ManagementDb.Of(context);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var team = await TeamAccess.FindForUpdateAsync(db, teamId, cancellationToken).ConfigureAwait(false);
        TeamAccess.RequireManage(caller, team, "/team/member_add");

        var now = ManagementClock.Now(context);
        var (users, memberships) = await TeamMembershipWriter.AddAsync(db, team, members, "member", request.MaxBudgetInTeam,
            ManagementClock.Author(caller), now, cancellationToken).ConfigureAwait(false);
        await DbWrites.SaveAsync(db, "A member was added to this team at the same time; retry the request.", "member", cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await AffectedKeys.InvalidateAsync(context, await AffectedKeys.OfTeamsAsync(db, [teamId], cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        return ManagementJson.Ok(TeamView.From(team).With(("updated_users", users), ("updated_team_memberships", memberships)));
    }
}
