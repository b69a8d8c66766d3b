namespace LiteAspire.Data.Schema;

/// <summary>A user's spend and budget inside one team (<c>LiteLLM_TeamMembership</c>).</summary>
public class TeamMembership
{
    public required string UserId { get; set; }

    public required string TeamId { get; set; }

    public double Spend { get; set; }

    public double TotalSpend { get; set; }

    /// <summary>The member's budget and limits in this team.</summary>
    public string? BudgetId { get; set; }

    public BudgetTable? Budget { get; set; }
}
