namespace LiteAspire.Data.Schema;

/// <summary>A team (<c>LiteLLM_TeamTable</c>); keys point at it by <c>team_id</c> without a foreign key.</summary>
public class TeamTable : IBudgetPeriod
{
    public required string TeamId { get; set; }

    public string? TeamAlias { get; set; }

    public string? OrganizationId { get; set; }

    public string? ObjectPermissionId { get; set; }

    public List<string> Admins { get; set; } = [];

    public List<string> Members { get; set; } = [];

    /// <summary>Members and their roles (JSON list of <c>{role, user_id, user_email}</c>).</summary>
    public string MembersWithRoles { get; set; } = "{}";

    /// <summary>Free-form metadata (JSON object).</summary>
    public string Metadata { get; set; } = "{}";

    public double? MaxBudget { get; set; }

    public double? SoftBudget { get; set; }

    public double Spend { get; set; }

    public List<string> Models { get; set; } = [];

    public int? MaxParallelRequests { get; set; }

    public long? TpmLimit { get; set; }

    public long? RpmLimit { get; set; }

    public string? BudgetDuration { get; set; }

    public DateTime? BudgetResetAt { get; set; }

    public bool Blocked { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Spend per model (JSON object).</summary>
    public string ModelSpend { get; set; } = "{}";

    /// <summary>Per-model budgets (JSON object).</summary>
    public string ModelMaxBudget { get; set; } = "{}";

    /// <summary>Router settings override (JSON object).</summary>
    public string? RouterSettings { get; set; } = "{}";

    public List<string> TeamMemberPermissions { get; set; } = [];

    public List<string> AccessGroupIds { get; set; } = [];

    public List<string> Policies { get; set; } = [];

    /// <summary>Models a newly added member may use; empty means no per-member restriction.</summary>
    public List<string> DefaultTeamMemberModels { get; set; } = [];

    /// <summary>Budget windows (JSON).</summary>
    public string? BudgetLimits { get; set; }

    /// <summary>Row of LiteLLM_ModelTable holding the team's model aliases (that table is not mapped here).</summary>
    public int? ModelId { get; set; }

    public bool AllowTeamGuardrailConfig { get; set; }

    /// <summary>The team's organization, if any.</summary>
    public OrganizationTable? Organization { get; set; }
}
