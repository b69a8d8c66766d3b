using LiteAspire.Admin.ProxyApi.Budgets;

namespace LiteAspire.Admin.ProxyApi.Organizations;

/// <summary>
/// An organization as <c>/organization/list</c> and <c>/organization/info</c> return it: the row with its budget
/// (<c>litellm_budget_table</c>), members and teams.
/// </summary>
public sealed record Organization
{
    /// <summary>The organization's id.</summary>
    public string OrganizationId { get; init; } = string.Empty;

    /// <summary>Its name.</summary>
    public string OrganizationAlias { get; init; } = string.Empty;

    /// <summary>Its budget row's id (every organization has one).</summary>
    public string? BudgetId { get; init; }

    /// <summary>Spend in USD.</summary>
    public double Spend { get; init; }

    /// <summary>Models its teams and keys may call; empty means all.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>When it was created.</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>Its budget and limits.</summary>
    public Budget? LitellmBudgetTable { get; init; }

    /// <summary>Its members (organization memberships).</summary>
    public IReadOnlyList<OrganizationMember> Members { get; init; } = [];

    /// <summary>Its teams.</summary>
    public IReadOnlyList<OrganizationTeam> Teams { get; init; } = [];
}

/// <summary>A <c>LiteLLM_OrganizationMembership</c> row.</summary>
public sealed record OrganizationMember
{
    /// <summary>LiteLLM's organization admin role.</summary>
    public const string OrgAdminRole = "org_admin";

    /// <summary>The roles a member may have, as <c>/organization/member_add</c> accepts them.</summary>
    public static IReadOnlyList<string> Roles { get; } = [OrgAdminRole, "internal_user", "internal_user_viewer"];

    /// <summary>The member.</summary>
    public string UserId { get; init; } = string.Empty;

    /// <summary>Their role in the organization.</summary>
    public string? UserRole { get; init; }

    /// <summary>Their spend in the organization in USD.</summary>
    public double? Spend { get; init; }

    /// <summary>When they joined.</summary>
    public DateTime? CreatedAt { get; init; }
}

/// <summary>A team of an organization, as the organization answers carry it (what the dashboard shows of it).</summary>
public sealed record OrganizationTeam
{
    /// <summary>The team's id.</summary>
    public string TeamId { get; init; } = string.Empty;

    /// <summary>Its name.</summary>
    public string? TeamAlias { get; init; }

    /// <summary>Its spend in USD.</summary>
    public double Spend { get; init; }

    /// <summary>Its budget in USD.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>True when blocked.</summary>
    public bool Blocked { get; init; }
}
