namespace LiteAspire.Data.Schema;

/// <summary>Daily spend per request tag, key, model and endpoint (<c>LiteLLM_DailyTagSpend</c>).</summary>
public class DailyTagSpend : DailySpendRow
{
    public string? Tag { get; set; }

    public string? RequestId { get; set; }
}
