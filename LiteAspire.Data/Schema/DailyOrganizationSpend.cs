namespace LiteAspire.Data.Schema;

/// <summary>Daily spend per organization, key, model and endpoint (<c>LiteLLM_DailyOrganizationSpend</c>).</summary>
public class DailyOrganizationSpend : DailySpendRow
{
    public string? OrganizationId { get; set; }
}
