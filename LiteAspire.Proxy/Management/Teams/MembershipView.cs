using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>A <c>LiteLLM_TeamMembership</c> row with its budget.</summary>
public sealed record MembershipView(string UserId, string TeamId, double Spend, double TotalSpend, string? BudgetId, BudgetView? LitellmBudgetTable)
{
    /// <summary>The view of <paramref name="membership"/> (its <c>Budget</c> loaded or given).</summary>
    public static MembershipView From(TeamMembership membership, BudgetTable? budget = null)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return new MembershipView(membership.UserId, membership.TeamId, membership.Spend, membership.TotalSpend, membership.BudgetId,
            BudgetView.From(budget ?? membership.Budget));
    }
}
