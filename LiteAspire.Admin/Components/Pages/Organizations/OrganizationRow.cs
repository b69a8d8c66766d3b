using LiteAspire.Admin.ProxyApi.Organizations;

namespace LiteAspire.Admin.Components.Pages.Organizations;

/// <summary>One row of the organizations page: the organization, its budget row's limits, and its teams and members counted.</summary>
public sealed record OrganizationRow(
    string OrganizationId,
    string OrganizationAlias,
    double Spend,
    double? MaxBudget,
    string? BudgetDuration,
    long? TpmLimit,
    long? RpmLimit,
    IReadOnlyList<string> Models,
    int TeamCount,
    int MemberCount)
{
    /// <summary>The row of <paramref name="organization"/>.</summary>
    public static OrganizationRow From(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var budget = organization.LitellmBudgetTable;
        return new OrganizationRow(organization.OrganizationId, organization.OrganizationAlias, organization.Spend, budget?.MaxBudget,
            budget?.BudgetDuration, budget?.TpmLimit, budget?.RpmLimit, organization.Models, organization.Teams.Count, organization.Members.Count);
    }
}
