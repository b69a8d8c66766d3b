namespace LiteAspire.Data.Schema;

/// <summary>A virtual key (<c>LiteLLM_VerificationToken</c>); the key itself is never stored, only its SHA-256 hex.</summary>
public class VerificationToken : IBudgetPeriod
{
    /// <summary>SHA-256 hex of the key (primary key).</summary>
    public required string Token { get; set; }

    /// <summary>Abbreviated key for display, e.g. <c>sk-...abcd</c>.</summary>
    public string? KeyName { get; set; }

    public string? KeyAlias { get; set; }

    /// <summary>True while soft-budget alerts for the key are cooled down.</summary>
    public bool SoftBudgetCooldown { get; set; }

    public double Spend { get; set; }

    public DateTime? Expires { get; set; }

    public List<string> Models { get; set; } = [];

    /// <summary>Model alias map (JSON object).</summary>
    public string Aliases { get; set; } = "{}";

    /// <summary>Per-key config (JSON object).</summary>
    public string Config { get; set; } = "{}";

    /// <summary>Router settings override (JSON object).</summary>
    public string? RouterSettings { get; set; } = "{}";

    public string? UserId { get; set; }

    public string? TeamId { get; set; }

    public string? AgentId { get; set; }

    public string? ProjectId { get; set; }

    /// <summary>Permissions (JSON object).</summary>
    public string Permissions { get; set; } = "{}";

    public int? MaxParallelRequests { get; set; }

    /// <summary>Free-form metadata (JSON object).</summary>
    public string Metadata { get; set; } = "{}";

    public bool? Blocked { get; set; }

    public long? TpmLimit { get; set; }

    public long? RpmLimit { get; set; }

    public double? MaxBudget { get; set; }

    /// <summary>Budget window such as <c>30d</c>.</summary>
    public string? BudgetDuration { get; set; }

    public DateTime? BudgetResetAt { get; set; }

    public List<string> AllowedCacheControls { get; set; } = [];

    public List<string> AllowedRoutes { get; set; } = [];

    public List<string> Policies { get; set; } = [];

    public List<string> AccessGroupIds { get; set; } = [];

    /// <summary>Spend per model (JSON object).</summary>
    public string ModelSpend { get; set; } = "{}";

    /// <summary>Per-model budgets (JSON object).</summary>
    public string ModelMaxBudget { get; set; } = "{}";

    public string? BudgetId { get; set; }

    public string? OrganizationId { get; set; }

    public string? ObjectPermissionId { get; set; }

    public DateTime? CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTime? LastActive { get; set; }

    public int? RotationCount { get; set; } = 0;

    public bool? AutoRotate { get; set; } = false;

    /// <summary>How often to rotate, e.g. <c>30d</c>.</summary>
    public string? RotationInterval { get; set; }

    public DateTime? LastRotationAt { get; set; }

    public DateTime? KeyRotationAt { get; set; }

    /// <summary>Budget windows (JSON list of <c>{budget_duration, max_budget}</c>).</summary>
    public string? BudgetLimits { get; set; }

    /// <summary><c>llm_api</c>, <c>management</c>, <c>read_only</c> or <c>default</c>.</summary>
    public string? KeyType { get; set; }

    /// <summary>The key's budget row, if any.</summary>
    public BudgetTable? Budget { get; set; }

    /// <summary>The key's organization, if any.</summary>
    public OrganizationTable? Organization { get; set; }
}
