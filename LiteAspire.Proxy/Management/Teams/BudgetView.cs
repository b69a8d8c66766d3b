using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>A <c>LiteLLM_BudgetTable</c> row as LiteLLM returns it (<c>litellm_budget_table</c>).</summary>
public sealed record BudgetView(
    string BudgetId,
    double? MaxBudget,
    double? SoftBudget,
    int? MaxParallelRequests,
    long? TpmLimit,
    long? RpmLimit,
    JsonNode? ModelMaxBudget,
    string? BudgetDuration,
    DateTime? BudgetResetAt,
    IReadOnlyList<string> AllowedModels,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime UpdatedAt,
    string UpdatedBy)
{
    /// <summary>The view of <paramref name="budget"/>, or null.</summary>
    public static BudgetView? From(BudgetTable? budget) => budget is null ? null : new BudgetView(
        budget.BudgetId, budget.MaxBudget, budget.SoftBudget, budget.MaxParallelRequests, budget.TpmLimit, budget.RpmLimit,
        JsonColumn.Parse(budget.ModelMaxBudget), budget.BudgetDuration, budget.BudgetResetAt, budget.AllowedModels,
        budget.CreatedAt, budget.CreatedBy, budget.UpdatedAt, budget.UpdatedBy);
}
