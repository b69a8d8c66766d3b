namespace LiteAspire.Data.Schema;

/// <summary>A copy of a deleted team, kept for spend history (<c>LiteLLM_DeletedTeamTable</c>).</summary>
public class DeletedTeamTable
{
    public required string Id { get; set; }

    /// <summary>The deleted team's id.</summary>
    public required string TeamId { get; set; }

    public string? TeamAlias { get; set; }

    public string? OrganizationId { get; set; }

    public string? ObjectPermissionId { get; set; }

    public List<string> Admins { get; set; } = [];

    public List<string> Members { get; set; } = [];

    /// <summary>Members and their roles (JSON).</summary>
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

    /// <summary>Spend per model (JSON object).</summary>
    public string ModelSpend { get; set; } = "{}";

    /// <summary>Per-model budgets (JSON object).</summary>
    public string ModelMaxBudget { get; set; } = "{}";

    /// <summary>Router settings override (JSON object).</summary>
    public string? RouterSettings { get; set; } = "{}";

    public List<string> TeamMemberPermissions { get; set; } = [];

    public List<string> AccessGroupIds { get; set; } = [];

    public List<string> Policies { get; set; } = [];

    public int? ModelId { get; set; }

    public bool AllowTeamGuardrailConfig { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime DeletedAt { get; set; }

    /// <summary>User who deleted the team.</summary>
    public string? DeletedBy { get; set; }

    /// <summary>Hash of the key that deleted it.</summary>
    public string? DeletedByApiKey { get; set; }

    /// <summary>The <c>litellm-changed-by</c> header, if sent.</summary>
    public string? LitellmChangedBy { get; set; }
}
