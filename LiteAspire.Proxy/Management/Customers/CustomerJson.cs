using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Management.Budgets;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary>A <c>LiteLLM_EndUserTable</c> row as LiteLLM returns it, with its <c>litellm_budget_table</c>.</summary>
public static class CustomerJson
{
    /// <summary>The row's fields, snake_case, nulls included; <paramref name="budget"/> defaults to the loaded navigation.</summary>
    public static JsonObject Of(EndUserTable row, BudgetTable? budget = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        budget ??= row.Budget;
        return new JsonObject
        {
            ["user_id"] = row.UserId,
            ["alias"] = row.Alias,
            ["spend"] = row.Spend,
            ["allowed_model_region"] = row.AllowedModelRegion,
            ["default_model"] = row.DefaultModel,
            ["budget_id"] = row.BudgetId,
            ["blocked"] = row.Blocked,
            ["object_permission_id"] = row.ObjectPermissionId,
            ["litellm_budget_table"] = budget is null ? null : BudgetJson.Of(budget),
        };
    }
}
