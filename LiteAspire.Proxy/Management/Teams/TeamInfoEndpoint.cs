using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// <c>GET /team/info?team_id=</c>: the team with its member budget, keys (without tokens) and memberships, for proxy
/// admins and viewers, the team's members and the team's own keys; anyone else gets 403.
/// </summary>
internal static class TeamInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        var teamId = context.Request.Query["team_id"].ToString();
        if (teamId.Length == 0)
        {
            throw ManagementErrors.BadRequest("Malformed request. No team id passed in. 'team_id' is required.", "team_id");
        }

        var db = ManagementDb.Of(context);
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.TeamId == teamId, cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.NotFound($"Team not found, passed team_id={teamId}", "team_id");
        TeamAccess.RequireRead(caller, team);

        var keys = await KeysAsync(db, [teamId], cancellationToken).ConfigureAwait(false);
        var memberships = await MembershipsAsync(db, [teamId], cancellationToken).ConfigureAwait(false);
        var memberBudgetId = TeamMetadata.DefaultMemberBudgetId(team.Metadata);
        var memberBudget = memberBudgetId is null ? null
            : await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.BudgetId == memberBudgetId, cancellationToken).ConfigureAwait(false);
        var info = TeamView.From(team).With(("team_member_budget_table", BudgetView.From(memberBudget)));
        return ManagementJson.Ok(new TeamInfoResponse(teamId, info, keys, memberships.ConvertAll(m => MembershipView.From(m))));
    }

    /// <summary>The keys of <paramref name="teamIds"/>, oldest first, as the team routes show them.</summary>
    public static async Task<List<TeamKeyView>> KeysAsync(LiteLLMDbContext db, IReadOnlyCollection<string> teamIds, CancellationToken cancellationToken)
    {
        // Only the columns the view shows: /team/list reads every team's keys (10,000 keys: ~4 MB instead of ~11 MB of rows).
        var keys = await db.VerificationTokens.AsNoTracking().Where(k => k.TeamId != null && teamIds.Contains(k.TeamId)).OrderBy(k => k.CreatedAt)
            .Select(k => new VerificationToken
            {
                Token = "", KeyName = k.KeyName, KeyAlias = k.KeyAlias, Spend = k.Spend, MaxBudget = k.MaxBudget, Expires = k.Expires, Models = k.Models,
                UserId = k.UserId, TeamId = k.TeamId, OrganizationId = k.OrganizationId, Blocked = k.Blocked, TpmLimit = k.TpmLimit, RpmLimit = k.RpmLimit,
                MaxParallelRequests = k.MaxParallelRequests, BudgetDuration = k.BudgetDuration, BudgetResetAt = k.BudgetResetAt, Metadata = k.Metadata,
                CreatedAt = k.CreatedAt, CreatedBy = k.CreatedBy, UpdatedAt = k.UpdatedAt, UpdatedBy = k.UpdatedBy,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys.ConvertAll(TeamKeyView.From);
    }

    /// <summary>The memberships of <paramref name="teamIds"/> with their budgets.</summary>
    public static Task<List<TeamMembership>> MembershipsAsync(LiteLLMDbContext db, IReadOnlyCollection<string> teamIds, CancellationToken cancellationToken) =>
        db.TeamMemberships.AsNoTracking().Include(m => m.Budget).Where(m => teamIds.Contains(m.TeamId))
            .OrderBy(m => m.UserId).ToListAsync(cancellationToken);
}

/// <summary>LiteLLM's answer to <c>/team/info</c>.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="TeamInfo">The team row, with <c>team_member_budget_table</c>.</param>
/// <param name="Keys">The team's keys, without tokens.</param>
/// <param name="TeamMemberships">The members' memberships and budgets.</param>
public sealed record TeamInfoResponse(string TeamId, JsonObject TeamInfo, IReadOnlyList<TeamKeyView> Keys,
    IReadOnlyList<MembershipView> TeamMemberships);
