namespace LiteAspire.Data.Schema;

/// <summary>A user's role, spend and budget inside one organization (<c>LiteLLM_OrganizationMembership</c>).</summary>
public class OrganizationMembership
{
    public required string UserId { get; set; }

    public required string OrganizationId { get; set; }

    /// <summary><c>org_admin</c>, <c>internal_user</c> or <c>internal_user_viewer</c>.</summary>
    public string? UserRole { get; set; }

    public double? Spend { get; set; } = 0;

    public string? BudgetId { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public UserTable? User { get; set; }

    public OrganizationTable? Organization { get; set; }

    public BudgetTable? Budget { get; set; }
}
