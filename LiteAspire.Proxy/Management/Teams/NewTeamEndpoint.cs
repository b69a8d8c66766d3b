using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary><c>POST /team/new</c>: proxy admins create a team, its first members (users created when missing) and its member budget.</summary>
internal static class NewTeamEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "create teams");
        var body = await SentBody.ReadAsync<NewTeamRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var request = body.Value;
        TeamRules.Validate(request);
        var members = new List<MemberRequest>(request.MembersWithRoles ?? []);
        TeamRules.ValidateMembers(members, "members_with_roles", TeamRules.Roles);

        var db = ManagementDb.Of(context);
        var teamId = request.TeamId ?? Guid.NewGuid().ToString();
        var conflict = $"Team id = {teamId} already exists. Please use a different team id.";
        if (await db.Teams.AnyAsync(t => t.TeamId == teamId, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest(conflict, "team_id");
        }

        if (request.OrganizationId is { Length: > 0 } organizationId
            && !await db.Organizations.AnyAsync(o => o.OrganizationId == organizationId, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest($"Organization not found for organization_id={organizationId}", "organization_id");
        }

        // LiteLLM makes a creating user the team's admin.
        if (caller.UserId is { } creator && !members.Exists(m => m.UserId == creator))
        {
            members.Add(new MemberRequest(LiteLLMRoles.TeamAdmin, creator, null));
        }

        var now = ManagementClock.Now(context);
        var author = ManagementClock.Author(caller);
        var team = new TeamTable { TeamId = teamId, MembersWithRoles = "[]", CreatedAt = now, UpdatedAt = now };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await TeamSettingsWriter.ApplyAsync(db, team, body, author, now, cancellationToken).ConfigureAwait(false);
        db.Teams.Add(team);
        await TeamMembershipWriter.AddAsync(db, team, members, "members_with_roles", null, author, now, cancellationToken).ConfigureAwait(false);
        await DbWrites.SaveAsync(db, conflict, "team_id", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(TeamView.From(team));
    }
}
