namespace LiteAspire.Data.Schema;

/// <summary>Daily spend per end user (customer), key, model and endpoint (<c>LiteLLM_DailyEndUserSpend</c>).</summary>
public class DailyEndUserSpend : DailySpendRow
{
    public string? EndUserId { get; set; }
}
