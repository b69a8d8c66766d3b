using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary>The fields of a <c>LiteLLM_BudgetTable</c> row a request can set (null: not given).</summary>
public interface IBudgetFields
{
    /// <summary>Hard budget in USD.</summary>
    double? MaxBudget { get; }

    /// <summary>Alert threshold in USD.</summary>
    double? SoftBudget { get; }

    /// <summary>Requests in flight.</summary>
    int? MaxParallelRequests { get; }

    /// <summary>Tokens per minute.</summary>
    long? TpmLimit { get; }

    /// <summary>Requests per minute.</summary>
    long? RpmLimit { get; }

    /// <summary>How often the spend resets (<c>30d</c>, <c>1mo</c>).</summary>
    string? BudgetDuration { get; }

    /// <summary>Per-model budgets: <c>{"gpt-4o": {"max_budget": 10, "budget_duration": "1d"}}</c>.</summary>
    JsonObject? ModelMaxBudget { get; }

    /// <summary>When the current period ends.</summary>
    DateTime? BudgetResetAt { get; }
}

/// <summary>The budget fields as a request body carries them (<c>/budget/*</c>, <c>/tag/*</c>).</summary>
public abstract record BudgetFieldsRequest : IBudgetFields
{
    /// <summary>Hard budget in USD.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>Alert threshold in USD.</summary>
    public double? SoftBudget { get; init; }

    /// <summary>Requests in flight.</summary>
    public int? MaxParallelRequests { get; init; }

    /// <summary>Tokens per minute.</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute.</summary>
    public long? RpmLimit { get; init; }

    /// <summary>How often the spend resets.</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>Per-model budgets.</summary>
    public JsonObject? ModelMaxBudget { get; init; }

    /// <summary>When the current period ends (default: one duration from now).</summary>
    public DateTime? BudgetResetAt { get; init; }
}

/// <summary><c>POST /budget/new</c> and <c>/budget/update</c>: LiteLLM's <c>BudgetNewRequest</c>.</summary>
public sealed record BudgetRequest : BudgetFieldsRequest
{
    /// <summary>The id (new: a uuid when absent; update: required).</summary>
    public string? BudgetId { get; init; }
}

/// <summary><c>POST /budget/info</c>.</summary>
public sealed record BudgetInfoRequest
{
    /// <summary>The budget ids to read.</summary>
    public List<string>? Budgets { get; init; }
}

/// <summary><c>POST /budget/delete</c>.</summary>
public sealed record DeleteBudgetRequest
{
    /// <summary>The budget id.</summary>
    public string? Id { get; init; }
}
