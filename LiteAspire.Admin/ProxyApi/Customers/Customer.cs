using LiteAspire.Admin.ProxyApi.Budgets;

namespace LiteAspire.Admin.ProxyApi.Customers;

/// <summary>A customer (end user, <c>LiteLLM_EndUserTable</c>) as <c>/customer/list</c> returns it, with its budget.</summary>
public sealed record Customer
{
    /// <summary>The id requests send as <c>user</c>.</summary>
    public string UserId { get; init; } = string.Empty;

    /// <summary>A friendly name.</summary>
    public string? Alias { get; init; }

    /// <summary>Spend in USD.</summary>
    public double Spend { get; init; }

    /// <summary><c>eu</c> or <c>us</c>: the region its requests must stay in.</summary>
    public string? AllowedModelRegion { get; init; }

    /// <summary>The model used when none of the region fits.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Its budget row (its own, or a shared one).</summary>
    public string? BudgetId { get; init; }

    /// <summary>A blocked customer's requests are refused.</summary>
    public bool Blocked { get; init; }

    /// <summary>Its budget and limits.</summary>
    public Budget? LitellmBudgetTable { get; init; }
}
