using LiteAspire.Admin.ProxyApi.Budgets;

namespace LiteAspire.Admin.ProxyApi.Teams;

/// <summary>A <c>LiteLLM_TeamMembership</c> row: a member's spend and budget in the team.</summary>
public sealed record TeamMembership
{
    /// <summary>The member.</summary>
    public string UserId { get; init; } = string.Empty;

    /// <summary>The team.</summary>
    public string TeamId { get; init; } = string.Empty;

    /// <summary>The member's spend in the team in USD.</summary>
    public double Spend { get; init; }

    /// <summary>The member's budget in the team, if any.</summary>
    public Budget? LitellmBudgetTable { get; init; }
}
