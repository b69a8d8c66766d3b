using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Management.Teams;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>An organization row as <c>/organization/new</c> returns it (LiteLLM's <c>NewOrganizationResponse</c>).</summary>
public sealed record OrganizationView(
    string OrganizationId,
    string OrganizationAlias,
    string BudgetId,
    double Spend,
    JsonNode? Metadata,
    IReadOnlyList<string> Models,
    JsonNode? ModelSpend,
    string CreatedBy,
    string UpdatedBy,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The view of <paramref name="organization"/>.</summary>
    public static OrganizationView From(OrganizationTable organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new OrganizationView(organization.OrganizationId, organization.OrganizationAlias, organization.BudgetId, organization.Spend,
            JsonColumn.Parse(organization.Metadata), organization.Models, JsonColumn.Parse(organization.ModelSpend), organization.CreatedBy,
            organization.UpdatedBy, organization.CreatedAt, organization.UpdatedAt);
    }

    /// <summary>
    /// LiteLLM's <c>LiteLLM_OrganizationTableWithMembers</c>: this view with <c>litellm_budget_table</c>, <c>members</c>
    /// (memberships) and <c>teams</c>.
    /// </summary>
    public JsonObject WithMembers(BudgetTable? budget, IEnumerable<OrganizationMembershipView> members, IEnumerable<TeamView> teams)
    {
        var result = JsonSerializer.SerializeToNode(this, ManagementJson.Options)!.AsObject();
        result["litellm_budget_table"] = JsonSerializer.SerializeToNode(BudgetView.From(budget), ManagementJson.Options);
        result["members"] = JsonSerializer.SerializeToNode(members, ManagementJson.Options);
        result["teams"] = JsonSerializer.SerializeToNode(teams, ManagementJson.Options);
        return result;
    }
}

/// <summary>A <c>LiteLLM_OrganizationMembership</c> row with its budget.</summary>
public sealed record OrganizationMembershipView(
    string UserId,
    string OrganizationId,
    string? UserRole,
    double? Spend,
    string? BudgetId,
    DateTime? CreatedAt,
    DateTime? UpdatedAt,
    BudgetView? LitellmBudgetTable)
{
    /// <summary>The view of <paramref name="membership"/> (its <c>Budget</c> loaded or given).</summary>
    public static OrganizationMembershipView From(OrganizationMembership membership, BudgetTable? budget = null)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return new OrganizationMembershipView(membership.UserId, membership.OrganizationId, membership.UserRole, membership.Spend,
            membership.BudgetId, membership.CreatedAt, membership.UpdatedAt, BudgetView.From(budget ?? membership.Budget));
    }
}
