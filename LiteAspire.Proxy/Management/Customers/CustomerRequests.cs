using System.Text.Json.Nodes;

using LiteAspire.Proxy.Management.Budgets;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary>
/// <c>POST /customer/new</c> and <c>/customer/update</c>: LiteLLM's <c>NewCustomerRequest</c>. Budget fields create (or
/// change) the customer's own budget row; <c>budget_id</c> links an existing one instead; the two do not go together.
/// On update, absent or null fields stay as they are.
/// </summary>
public sealed record CustomerRequest : IBudgetFields
{
    /// <summary>The id requests send as <c>user</c> (required).</summary>
    public string? UserId { get; init; }

    /// <summary>A human-friendly name.</summary>
    public string? Alias { get; init; }

    /// <summary>Refuse requests naming this customer.</summary>
    public bool? Blocked { get; init; }

    /// <summary>Hard budget in USD.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>An existing budget to use.</summary>
    public string? BudgetId { get; init; }

    /// <summary>How often the spend resets.</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>Tokens per minute.</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute.</summary>
    public long? RpmLimit { get; init; }

    /// <summary>Requests in flight.</summary>
    public int? MaxParallelRequests { get; init; }

    /// <summary>Alert threshold in USD.</summary>
    public double? SoftBudget { get; init; }

    /// <summary>Per-model budgets.</summary>
    public JsonObject? ModelMaxBudget { get; init; }

    /// <summary>When the current period ends.</summary>
    public DateTime? BudgetResetAt { get; init; }

    /// <summary><c>eu</c> or <c>us</c>.</summary>
    public string? AllowedModelRegion { get; init; }

    /// <summary>A model of this proxy to use when none fits the region.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Spend so far, in USD.</summary>
    public double? Spend { get; init; }
}

/// <summary><c>POST /customer/delete</c>, <c>/customer/block</c>, <c>/customer/unblock</c>.</summary>
public sealed record CustomerIdsRequest
{
    /// <summary>The customers.</summary>
    public List<string>? UserIds { get; init; }
}
