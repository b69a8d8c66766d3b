namespace LiteAspire.Data.Schema;

/// <summary>Daily spend per team, key, model and endpoint (<c>LiteLLM_DailyTeamSpend</c>).</summary>
public class DailyTeamSpend : DailySpendRow
{
    public string? TeamId { get; set; }
}
