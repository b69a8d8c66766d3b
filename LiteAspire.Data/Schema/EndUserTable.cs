namespace LiteAspire.Data.Schema;

/// <summary>A customer / end user, named by the request's <c>user</c> field (<c>LiteLLM_EndUserTable</c>).</summary>
public class EndUserTable : ISpendCounter
{
    public required string UserId { get; set; }

    /// <summary>Admin-facing alias.</summary>
    public string? Alias { get; set; }

    public double Spend { get; set; }

    /// <summary><c>eu</c> or <c>us</c>: requests may only use models in that region.</summary>
    public string? AllowedModelRegion { get; set; }

    /// <summary>Model used when none in <see cref="AllowedModelRegion"/> is available.</summary>
    public string? DefaultModel { get; set; }

    public string? BudgetId { get; set; }

    public string? ObjectPermissionId { get; set; }

    public bool Blocked { get; set; }

    public BudgetTable? Budget { get; set; }
}
