namespace LiteAspire.Data.Schema;

/// <summary>Daily spend per internal user, key, model and endpoint (<c>LiteLLM_DailyUserSpend</c>).</summary>
public class DailyUserSpend : DailySpendRow
{
    public string? UserId { get; set; }
}
