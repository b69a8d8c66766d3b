using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// <c>POST /team/member_update</c> (proxy admins and the team's admins): a member's role, and their budget and limits in
/// the team, kept in the budget row their membership points to. A member still on the team's shared member budget gets a
/// row of their own (a copy of it), so the change is theirs alone.
/// </summary>
internal static class TeamMemberUpdateEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var request = await ManagementJson.ReadAsync<TeamMemberUpdateRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var teamId = request.TeamId ?? throw ManagementErrors.BadRequest("No team id passed in. 'team_id' is required.", "team_id");
        if (request.UserId is null && request.UserEmail is null)
        {
            throw ManagementErrors.BadRequest("Either user_id or user_email needs to be passed in.", "user_id");
        }

        if (request.Role is { } role && !TeamRules.Roles.Contains(role))
        {
            throw ManagementErrors.BadRequest($"Invalid value for 'role': '{role}' is not one of {string.Join(", ", TeamRules.Roles)}.", "role");
        }

        ManagementErrors.RequireNonNegative(request.MaxBudgetInTeam, "max_budget_in_team");
        ManagementErrors.RequireNonNegative(request.TpmLimit, "tpm_limit");
        ManagementErrors.RequireNonNegative(request.RpmLimit, "rpm_limit");

        var db = ManagementDb.Of(context);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var team = await TeamAccess.FindForUpdateAsync(db, teamId, cancellationToken).ConfigureAwait(false);
        TeamAccess.RequireManage(caller, team, "/team/member_update");
        var members = TeamMembers.Read(team.MembersWithRoles);
        var index = members.FindIndex(m => m.Matches(request.UserId, request.UserEmail));
        if (index < 0 || members[index].UserId is not { } userId)
        {
            throw ManagementErrors.BadRequest(
                $"User not found in team. user_id={request.UserId ?? "None"}, user_email={request.UserEmail ?? "None"}, team_id={teamId}", "user_id");
        }

        var now = ManagementClock.Now(context);
        var author = ManagementClock.Author(caller);
        if (request.MaxBudgetInTeam is not null || request.TpmLimit is not null || request.RpmLimit is not null)
        {
            var budget = await OwnBudgetAsync(db, team, userId, author, now, cancellationToken).ConfigureAwait(false);
            budget.MaxBudget = request.MaxBudgetInTeam ?? budget.MaxBudget;
            budget.TpmLimit = request.TpmLimit ?? budget.TpmLimit;
            budget.RpmLimit = request.RpmLimit ?? budget.RpmLimit;
            budget.UpdatedAt = now;
            budget.UpdatedBy = author;
        }

        if (request.Role is { } newRole)
        {
            members[index] = members[index] with { Role = newRole };
            team.MembersWithRoles = TeamMembers.Write(members);
            team.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await AffectedKeys.InvalidateAsync(context, await AffectedKeys.OfTeamsAsync(db, [teamId], cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        return ManagementJson.Ok(new TeamMemberUpdateResponse(teamId, userId, request.UserEmail ?? members[index].UserEmail,
            request.MaxBudgetInTeam, request.TpmLimit, request.RpmLimit));
    }

    // The member's own budget row: created (a copy of the team's member budget, if any) when the membership has none or shares it.
    private static async Task<BudgetTable> OwnBudgetAsync(LiteLLMDbContext db, TeamTable team, string userId, string author, DateTime now,
        CancellationToken cancellationToken)
    {
        var membership = await db.TeamMemberships.Include(m => m.Budget)
            .FirstOrDefaultAsync(m => m.TeamId == team.TeamId && m.UserId == userId, cancellationToken).ConfigureAwait(false);
        if (membership is null)
        {
            membership = new TeamMembership { UserId = userId, TeamId = team.TeamId };
            db.TeamMemberships.Add(membership);
        }

        var shared = TeamMetadata.DefaultMemberBudgetId(team.Metadata);
        if (membership.Budget is { } own && own.BudgetId != shared)
        {
            return own;
        }

        var template = membership.Budget;
        var budget = new BudgetTable
        {
            BudgetId = Guid.NewGuid().ToString(),
            MaxBudget = template?.MaxBudget,
            SoftBudget = template?.SoftBudget,
            TpmLimit = template?.TpmLimit,
            RpmLimit = template?.RpmLimit,
            MaxParallelRequests = template?.MaxParallelRequests,
            BudgetDuration = template?.BudgetDuration,
            BudgetResetAt = template?.BudgetResetAt,
            CreatedAt = now,
            CreatedBy = author,
        };
        db.Budgets.Add(budget);
        membership.BudgetId = budget.BudgetId;
        membership.Budget = budget;
        return budget;
    }
}

/// <summary>LiteLLM's answer to <c>/team/member_update</c>.</summary>
public sealed record TeamMemberUpdateResponse(string TeamId, string UserId, string? UserEmail, double? MaxBudgetInTeam, long? TpmLimit, long? RpmLimit);
