using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Management.Budgets;
using LiteAspire.Proxy.Management.Models;

namespace LiteAspire.Proxy.Management.Tags;

/// <summary>A <c>LiteLLM_TagTable</c> row as LiteLLM returns it (<c>TagConfig</c> with spend and budget).</summary>
public static class TagJson
{
    /// <summary>The tag's fields, snake_case, with its budget row as <c>litellm_budget_table</c>.</summary>
    public static JsonObject Of(TagTable row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new JsonObject
        {
            ["name"] = row.TagName,
            ["description"] = row.Description,
            ["models"] = new JsonArray([.. row.Models.Select(m => (JsonNode?)m)]),
            ["model_info"] = row.ModelInfo is null ? null : StoredModels.ParseObject(row.ModelInfo),
            ["spend"] = row.Spend,
            ["budget_id"] = row.BudgetId,
            ["litellm_budget_table"] = row.Budget is null ? null : BudgetJson.Of(row.Budget),
            ["created_at"] = row.CreatedAt,
            ["created_by"] = row.CreatedBy,
            ["updated_at"] = row.UpdatedAt,
        };
    }
}
