using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// Adds members to a team as LiteLLM does: the user (created when missing) gets the team in <c>teams</c>, a
/// <c>TeamMembership</c> row points to the member's budget (their own <c>max_budget_in_team</c>, else the team's member
/// budget), and the team's <c>members_with_roles</c> lists them. Nothing is saved here: the caller commits it all at once.
/// </summary>
internal static class TeamMembershipWriter
{
    public static async Task<(List<UserView> Users, List<MembershipView> Memberships)> AddAsync(LiteLLMDbContext db, TeamTable team,
        IReadOnlyList<MemberRequest> members, string field, double? maxBudgetInTeam, string author, DateTime now,
        CancellationToken cancellationToken)
    {
        var current = TeamMembers.Read(team.MembersWithRoles);
        var defaultBudgetId = TeamMetadata.DefaultMemberBudgetId(team.Metadata);
        var defaultBudget = defaultBudgetId is null ? null : await db.Budgets.FindAsync([defaultBudgetId], cancellationToken).ConfigureAwait(false);
        var users = new List<UserView>();
        var memberships = new List<MembershipView>();
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var at = members.Count == 1 && field == "member" ? field : $"{field}[{i}]";
            if (current.Exists(c => c.Matches(member.UserId, member.UserEmail)))
            {
                throw AlreadyInTeam(team, member.UserId, member.UserEmail);
            }

            var user = await MemberUsers.FindOrCreateAsync(db, member, at, now, cancellationToken).ConfigureAwait(false);
            if (current.Exists(c => c.UserId == user.UserId))
            {
                throw AlreadyInTeam(team, user.UserId, member.UserEmail);
            }

            if (!user.Teams.Contains(team.TeamId))
            {
                user.Teams = [.. user.Teams, team.TeamId];
                user.UpdatedAt = now;
            }

            var budget = defaultBudget;
            if (maxBudgetInTeam is { } max)
            {
                budget = new BudgetTable { BudgetId = Guid.NewGuid().ToString(), MaxBudget = max, CreatedAt = now, CreatedBy = author, UpdatedAt = now, UpdatedBy = author };
                db.Budgets.Add(budget);
            }

            var membership = await db.TeamMemberships.FindAsync([user.UserId, team.TeamId], cancellationToken).ConfigureAwait(false);
            if (membership is null)
            {
                membership = new TeamMembership { UserId = user.UserId, TeamId = team.TeamId };
                db.TeamMemberships.Add(membership);
            }

            membership.BudgetId = budget?.BudgetId;
            current.Add(new TeamMember(member.Role!, user.UserId, member.UserEmail ?? user.UserEmail));
            users.Add(UserView.From(user));
            memberships.Add(MembershipView.From(membership, budget));
        }

        team.MembersWithRoles = TeamMembers.Write(current);
        team.UpdatedAt = now;
        return (users, memberships);
    }

    private static GatewayException AlreadyInTeam(TeamTable team, string? userId, string? userEmail) => new(400,
        $"User already in team. Member: user_id={userId ?? "None"}, user_email={userEmail ?? "None"}. team_id={team.TeamId}",
        "team_member_already_in_team", "member");
}
