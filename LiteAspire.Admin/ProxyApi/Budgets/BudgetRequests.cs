using System.Text.Json.Nodes;

namespace LiteAspire.Admin.ProxyApi.Budgets;

/// <summary>
/// <c>POST /budget/new</c> and <c>/budget/update</c>. The proxy keeps a field it is not sent (or sent as null) as it
/// is, so an update cannot clear a limit, only change it.
/// </summary>
public sealed record BudgetRequest
{
    /// <summary>The id (required on update).</summary>
    public string? BudgetId { get; init; }

    /// <summary>Hard limit in USD.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>Alert threshold in USD.</summary>
    public double? SoftBudget { get; init; }

    /// <summary>How often spend resets.</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>Tokens per minute.</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute.</summary>
    public long? RpmLimit { get; init; }

    /// <summary>Requests in flight.</summary>
    public int? MaxParallelRequests { get; init; }

    /// <summary>Per-model budgets.</summary>
    public JsonObject? ModelMaxBudget { get; init; }
}

/// <summary><c>POST /budget/delete</c>.</summary>
/// <param name="Id">The budget id.</param>
public sealed record DeleteBudgetRequest(string Id);
