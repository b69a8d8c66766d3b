using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Management.Models;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary>A <c>LiteLLM_BudgetTable</c> row as LiteLLM returns it.</summary>
public static class BudgetJson
{
    /// <summary>The row's fields, snake_case, nulls included.</summary>
    public static JsonObject Of(BudgetTable row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var allowedModels = new JsonArray();
        foreach (var model in row.AllowedModels)
        {
            allowedModels.Add(model);
        }

        return new JsonObject
        {
            ["budget_id"] = row.BudgetId,
            ["max_budget"] = row.MaxBudget,
            ["soft_budget"] = row.SoftBudget,
            ["max_parallel_requests"] = row.MaxParallelRequests,
            ["tpm_limit"] = row.TpmLimit,
            ["rpm_limit"] = row.RpmLimit,
            ["model_max_budget"] = row.ModelMaxBudget is null ? null : StoredModels.ParseObject(row.ModelMaxBudget),
            ["budget_duration"] = row.BudgetDuration,
            ["budget_reset_at"] = row.BudgetResetAt,
            ["allowed_models"] = allowedModels,
            ["created_at"] = row.CreatedAt,
            ["created_by"] = row.CreatedBy,
            ["updated_at"] = row.UpdatedAt,
            ["updated_by"] = row.UpdatedBy,
        };
    }
}
