using LiteAspire.Admin.ProxyApi.Teams;

namespace LiteAspire.Admin.Components.Pages.Teams;

/// <summary>
/// One row of the teams page, made from what <c>/team/list</c> returns (its keys and members counted here, not
/// fetched per team). Small, because the page keeps its rows in the prerendered HTML.
/// </summary>
public sealed record TeamSummary(
    string TeamId,
    string? TeamAlias,
    string? OrganizationId,
    int MemberCount,
    int KeyCount,
    double Spend,
    double? MaxBudget,
    string? BudgetDuration,
    IReadOnlyList<string> Models,
    bool Blocked)
{
    /// <summary>The row of <paramref name="team"/>.</summary>
    public static TeamSummary From(Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return new TeamSummary(team.TeamId, team.TeamAlias, team.OrganizationId, team.MembersWithRoles.Count, team.Keys?.Count ?? 0,
            team.Spend, team.MaxBudget, team.BudgetDuration, team.Models, team.Blocked);
    }

    /// <summary>True when the alias (or id) contains <paramref name="search"/>, ignoring case.</summary>
    public bool Matches(string? search) => string.IsNullOrWhiteSpace(search)
        || (TeamAlias?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)
        || TeamId.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase);
}
