namespace LiteAspire.Data.Schema;

/// <summary>A copy of a deleted key, kept for spend history (<c>LiteLLM_DeletedVerificationToken</c>).</summary>
public class DeletedVerificationToken
{
    public required string Id { get; set; }

    /// <summary>SHA-256 hex of the deleted key.</summary>
    public required string Token { get; set; }

    public string? KeyName { get; set; }

    public string? KeyAlias { get; set; }

    public bool SoftBudgetCooldown { get; set; }

    public double Spend { get; set; }

    public DateTime? Expires { get; set; }

    public List<string> Models { get; set; } = [];

    /// <summary>Model alias map (JSON object).</summary>
    public string Aliases { get; set; } = "{}";

    /// <summary>Per-key config (JSON object).</summary>
    public string Config { get; set; } = "{}";

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

    /// <summary>Router settings override (JSON object).</summary>
    public string? RouterSettings { get; set; } = "{}";

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

    public string? RotationInterval { get; set; }

    public DateTime? LastRotationAt { get; set; }

    public DateTime? KeyRotationAt { get; set; }

    public string? KeyType { get; set; }

    public DateTime DeletedAt { get; set; }

    /// <summary>User who deleted the key.</summary>
    public string? DeletedBy { get; set; }

    /// <summary>Hash of the key that deleted it.</summary>
    public string? DeletedByApiKey { get; set; }

    /// <summary>The <c>litellm-changed-by</c> header, if sent.</summary>
    public string? LitellmChangedBy { get; set; }
}
