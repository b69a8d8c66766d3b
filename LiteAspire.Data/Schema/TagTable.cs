namespace LiteAspire.Data.Schema;

/// <summary>A request tag with its models, spend and budget (<c>LiteLLM_TagTable</c>).</summary>
public class TagTable : ISpendCounter
{
    public required string TagName { get; set; }

    public string? Description { get; set; }

    public List<string> Models { get; set; } = [];

    /// <summary>model_id to model_name (JSON object).</summary>
    public string? ModelInfo { get; set; }

    public double Spend { get; set; }

    public string? BudgetId { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public BudgetTable? Budget { get; set; }
}
