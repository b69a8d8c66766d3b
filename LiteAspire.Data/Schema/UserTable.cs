namespace LiteAspire.Data.Schema;

/// <summary>An internal user (<c>LiteLLM_UserTable</c>).</summary>
public class UserTable : IBudgetPeriod
{
    public required string UserId { get; set; }

    public string? UserAlias { get; set; }

    public string? TeamId { get; set; }

    /// <summary>Id from the SSO provider; unique.</summary>
    public string? SsoUserId { get; set; }

    public string? OrganizationId { get; set; }

    public string? ObjectPermissionId { get; set; }

    /// <summary>Hashed UI password.</summary>
    public string? Password { get; set; }

    public List<string> Teams { get; set; } = [];

    /// <summary><c>proxy_admin</c>, <c>internal_user</c>, ...</summary>
    public string? UserRole { get; set; }

    public double? MaxBudget { get; set; }

    public double Spend { get; set; }

    public string? UserEmail { get; set; }

    public List<string> Models { get; set; } = [];

    /// <summary>Free-form metadata (JSON object).</summary>
    public string Metadata { get; set; } = "{}";

    public int? MaxParallelRequests { get; set; }

    public long? TpmLimit { get; set; }

    public long? RpmLimit { get; set; }

    public string? BudgetDuration { get; set; }

    public DateTime? BudgetResetAt { get; set; }

    public List<string> AllowedCacheControls { get; set; } = [];

    public List<string> Policies { get; set; } = [];

    /// <summary>Spend per model (JSON object).</summary>
    public string ModelSpend { get; set; } = "{}";

    /// <summary>Per-model budgets (JSON object).</summary>
    public string ModelMaxBudget { get; set; } = "{}";

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    /// <summary>The user's organization, if any.</summary>
    public OrganizationTable? Organization { get; set; }
}
