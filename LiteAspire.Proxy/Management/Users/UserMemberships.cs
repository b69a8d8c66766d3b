using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>A user's place in teams (<c>members_with_roles</c>, <c>LiteLLM_TeamMembership</c>) and organizations, as LiteLLM keeps it.</summary>
public static class UserMemberships
{
    /// <summary>A team a new user joins.</summary>
    /// <param name="TeamId">The team.</param>
    /// <param name="Role"><c>user</c> or <c>admin</c>.</param>
    /// <param name="MaxBudgetInTeam">The member's budget in the team, or null.</param>
    public sealed record TeamJoin(string TeamId, string Role, double? MaxBudgetInTeam);

    /// <summary>Reads <c>teams</c> (ids or <c>{team_id, max_budget_in_team, user_role}</c>) and the deprecated <c>team_id</c>; 400 on anything else.</summary>
    public static IReadOnlyList<TeamJoin> ParseTeams(JsonArray? teams, string? teamId)
    {
        var joins = new List<TeamJoin>();
        for (var i = 0; i < (teams?.Count ?? 0); i++)
        {
            joins.Add(ParseTeam(teams![i], $"teams[{i}]"));
        }

        if (teamId is not null && joins.All(j => j.TeamId != teamId))
        {
            joins.Add(new TeamJoin(teamId, LiteLLMRoles.TeamUser, null));
        }

        return joins.DistinctBy(j => j.TeamId).ToList();
    }

    /// <summary>Adds <paramref name="user"/> to <paramref name="team"/>: member entry, the user's team list, and the membership row (with its budget).</summary>
    public static void AddToTeam(LiteLLMDbContext db, TeamTable team, UserTable user, TeamJoin join, string actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(join);
        var members = new JsonArray([.. TeamRoles.Members(team.MembersWithRoles).Select(m => m.DeepClone())]);
        members.Add(new JsonObject { ["role"] = join.Role, ["user_id"] = user.UserId, ["user_email"] = user.UserEmail });
        team.MembersWithRoles = members.ToJsonString();
        team.UpdatedAt = now;
        user.Teams = [.. user.Teams ?? [], team.TeamId];
        var membership = new TeamMembership { UserId = user.UserId, TeamId = team.TeamId };
        if (join.MaxBudgetInTeam is { } budget)
        {
            var row = new BudgetTable
            {
                BudgetId = Guid.NewGuid().ToString(),
                MaxBudget = budget,
                CreatedAt = now,
                CreatedBy = actor,
                UpdatedAt = now,
                UpdatedBy = actor,
            };
            db.Budgets.Add(row);
            membership.BudgetId = row.BudgetId;
        }

        db.TeamMemberships.Add(membership);
    }

    /// <summary>Takes <paramref name="userIds"/> out of every team's member list; returns the teams changed (tracked, unsaved).</summary>
    public static async Task<List<TeamTable>> RemoveFromTeamsAsync(LiteLLMDbContext db, IReadOnlyCollection<string> userIds, DateTime now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(userIds);
        var ids = userIds.ToHashSet(StringComparer.Ordinal);
        var changed = new List<TeamTable>();
        // members_with_roles is JSON, so membership is read from every team rather than trusted to the users' team lists.
        foreach (var team in await db.Teams.ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            var members = TeamRoles.Members(team.MembersWithRoles).ToList();
            var kept = members.Where(m => !(m["user_id"] is JsonValue id && id.TryGetValue<string>(out var text) && ids.Contains(text))).ToList();
            var inLists = team.Admins.Any(ids.Contains) || team.Members.Any(ids.Contains);
            if (kept.Count == members.Count && !inLists)
            {
                continue;
            }

            team.MembersWithRoles = new JsonArray([.. kept.Select(m => m.DeepClone())]).ToJsonString();
            team.Admins = [.. team.Admins.Where(id => !ids.Contains(id))];
            team.Members = [.. team.Members.Where(id => !ids.Contains(id))];
            team.UpdatedAt = now;
            changed.Add(team);
        }

        return changed;
    }

    private static TeamJoin ParseTeam(JsonNode? node, string field)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var id) && !string.IsNullOrWhiteSpace(id))
        {
            return new TeamJoin(id, LiteLLMRoles.TeamUser, null);
        }

        if (node is not JsonObject entry || entry["team_id"] is not JsonValue teamValue || !teamValue.TryGetValue<string>(out var teamId)
            || string.IsNullOrWhiteSpace(teamId))
        {
            throw ManagementErrors.BadRequest($"Invalid value for '{field}': expected a team id or {{\"team_id\": ..., \"user_role\": ..., \"max_budget_in_team\": ...}}.",
                "teams");
        }

        var role = LiteLLMRoles.TeamUser;
        if (entry["user_role"] is { } roleNode)
        {
            if (roleNode is not JsonValue roleValue || !roleValue.TryGetValue<string>(out var text) || text is not (LiteLLMRoles.TeamUser or LiteLLMRoles.TeamAdmin))
            {
                throw ManagementErrors.BadRequest($"Invalid value for '{field}.user_role': must be 'user' or 'admin'.", "teams");
            }

            role = text;
        }

        double? budget = null;
        if (entry["max_budget_in_team"] is { } budgetNode)
        {
            if (budgetNode is not JsonValue budgetValue || budgetValue.GetValueKind() != JsonValueKind.Number || budgetValue.GetValue<double>() < 0)
            {
                throw ManagementErrors.BadRequest($"Invalid value for '{field}.max_budget_in_team': must be a number >= 0.", "teams");
            }

            budget = budgetValue.GetValue<double>();
        }

        return new TeamJoin(teamId, role, budget);
    }
}
