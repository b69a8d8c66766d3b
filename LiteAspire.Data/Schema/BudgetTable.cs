namespace LiteAspire.Data.Schema;

/// <summary>A budget and its limits (<c>LiteLLM_BudgetTable</c>), shared by organizations, keys, end users, tags and memberships.</summary>
public class BudgetTable
{
    public required string BudgetId { get; set; }

    public double? MaxBudget { get; set; }

    public double? SoftBudget { get; set; }

    public int? MaxParallelRequests { get; set; }

    public long? TpmLimit { get; set; }

    public long? RpmLimit { get; set; }

    /// <summary>Per-model budgets (JSON object).</summary>
    public string? ModelMaxBudget { get; set; }

    public string? BudgetDuration { get; set; }

    public DateTime? BudgetResetAt { get; set; }

    /// <summary>Per-member model scope; empty inherits the team's models.</summary>
    public List<string> AllowedModels { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
