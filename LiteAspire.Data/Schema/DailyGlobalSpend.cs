namespace LiteAspire.Data.Schema;

/// <summary>
/// Daily spend of every request per model, model group, provider and endpoint, whatever the key or user
/// (<c>LiteLLM_DailyGlobalSpend</c>, LiteLLM's key-free rollup of <c>LiteLLM_DailyUserSpend</c>): a few rows a day where the
/// per-key table has thousands, for the usage pages' totals when they ask for everything.
/// </summary>
public class DailyGlobalSpend : DailyAggregateRow
{
}
