using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>A team row as LiteLLM returns it (<c>LiteLLM_TeamTable</c>); JSON columns as JSON, model aliases as <c>litellm_model_table</c>.</summary>
public sealed record TeamView(
    string TeamId,
    string? TeamAlias,
    string? OrganizationId,
    IReadOnlyList<string> Admins,
    IReadOnlyList<string> Members,
    IReadOnlyList<TeamMember> MembersWithRoles,
    JsonNode? Metadata,
    double? MaxBudget,
    double? SoftBudget,
    double Spend,
    IReadOnlyList<string> Models,
    int? MaxParallelRequests,
    long? TpmLimit,
    long? RpmLimit,
    string? BudgetDuration,
    DateTime? BudgetResetAt,
    bool Blocked,
    JsonNode? ModelSpend,
    JsonNode? ModelMaxBudget,
    JsonNode? RouterSettings,
    IReadOnlyList<string> TeamMemberPermissions,
    int? ModelId,
    JsonObject? LitellmModelTable,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The view of <paramref name="team"/>.</summary>
    public static TeamView From(TeamTable team)
    {
        ArgumentNullException.ThrowIfNull(team);
        var metadata = JsonColumn.Parse(team.Metadata);
        var aliases = metadata is JsonObject meta && meta[TeamMetadata.ModelAliases] is JsonObject map
            ? new JsonObject { ["model_aliases"] = map.DeepClone() }
            : null;
        return new TeamView(team.TeamId, team.TeamAlias, team.OrganizationId, team.Admins, team.Members,
            TeamMembers.Read(team.MembersWithRoles), metadata, team.MaxBudget, team.SoftBudget, team.Spend, team.Models,
            team.MaxParallelRequests, team.TpmLimit, team.RpmLimit, team.BudgetDuration, team.BudgetResetAt, team.Blocked,
            JsonColumn.Parse(team.ModelSpend), JsonColumn.Parse(team.ModelMaxBudget), JsonColumn.Parse(team.RouterSettings),
            team.TeamMemberPermissions, team.ModelId, aliases, team.CreatedAt, team.UpdatedAt);
    }

    /// <summary>This view as a JSON object with <paramref name="extra"/> fields beside the team's (LiteLLM's flattened responses).</summary>
    public JsonObject With(params (string Name, object? Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var result = JsonSerializer.SerializeToNode(this, ManagementJson.Options)!.AsObject();
        foreach (var (name, value) in extra)
        {
            result[name] = JsonSerializer.SerializeToNode(value, ManagementJson.Options);
        }

        return result;
    }
}
