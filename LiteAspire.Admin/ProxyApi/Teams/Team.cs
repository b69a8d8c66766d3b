using System.Text.Json.Nodes;

namespace LiteAspire.Admin.ProxyApi.Teams;

/// <summary>
/// A team as <c>/team/list</c> and <c>/team/info</c> return it (<c>LiteLLM_TeamTable</c>); <c>/team/list</c> also
/// carries each team's <see cref="Keys"/> and <see cref="TeamMemberships"/>.
/// </summary>
public sealed record Team
{
    /// <summary>The team's id.</summary>
    public string TeamId { get; init; } = string.Empty;

    /// <summary>Its display name.</summary>
    public string? TeamAlias { get; init; }

    /// <summary>The organization it belongs to.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>Its members and their roles (<c>admin</c>, <c>user</c>).</summary>
    public IReadOnlyList<TeamMember> MembersWithRoles { get; init; } = [];

    /// <summary>Free-form metadata (the proxy also keeps tags, guardrails and member budget ids here).</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Budget in USD for the whole team; null means none.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>Spend in USD in the current period.</summary>
    public double Spend { get; init; }

    /// <summary>Models the team's keys may call; empty means all.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Tokens per minute across the team's keys.</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute across the team's keys.</summary>
    public long? RpmLimit { get; init; }

    /// <summary>How often the budget resets.</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>When the current budget period ends.</summary>
    public DateTime? BudgetResetAt { get; init; }

    /// <summary>A blocked team's keys are refused.</summary>
    public bool Blocked { get; init; }

    /// <summary>When the team was created.</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>The team's keys (<c>/team/list</c> only).</summary>
    public IReadOnlyList<TeamKey>? Keys { get; init; }

    /// <summary>The members' memberships (<c>/team/list</c> only).</summary>
    public IReadOnlyList<TeamMembership>? TeamMemberships { get; init; }
}
