using System.Text.Json.Nodes;

namespace LiteAspire.Admin.ProxyApi.Budgets;

/// <summary>A <c>LiteLLM_BudgetTable</c> row as the proxy returns it (<c>/budget/*</c>, and <c>litellm_budget_table</c> elsewhere).</summary>
public sealed record Budget
{
    /// <summary>The budget's id.</summary>
    public string BudgetId { get; init; } = string.Empty;

    /// <summary>Hard limit in USD; null means none.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>Alert threshold in USD.</summary>
    public double? SoftBudget { get; init; }

    /// <summary>Requests in flight.</summary>
    public int? MaxParallelRequests { get; init; }

    /// <summary>Tokens per minute.</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute.</summary>
    public long? RpmLimit { get; init; }

    /// <summary>Per-model budgets: <c>{"model": {"max_budget": 5, "budget_duration": "1d"}}</c>.</summary>
    public JsonObject? ModelMaxBudget { get; init; }

    /// <summary>How often spend resets (<c>30d</c>, <c>1mo</c>).</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>When the current period ends.</summary>
    public DateTime? BudgetResetAt { get; init; }

    /// <summary>When the row was created.</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>Who created it.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTime? UpdatedAt { get; init; }
}
