namespace LiteAspire.Data.Schema;

/// <summary>An organization (<c>LiteLLM_OrganizationTable</c>); it always has a budget row.</summary>
public class OrganizationTable : ISpendCounter
{
    public required string OrganizationId { get; set; }

    public required string OrganizationAlias { get; set; }

    public required string BudgetId { get; set; }

    /// <summary>Free-form metadata (JSON object).</summary>
    public string Metadata { get; set; } = "{}";

    public List<string> Models { get; set; } = [];

    public double Spend { get; set; }

    /// <summary>Spend per model (JSON object).</summary>
    public string ModelSpend { get; set; } = "{}";

    public string? ObjectPermissionId { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public BudgetTable? Budget { get; set; }
}
