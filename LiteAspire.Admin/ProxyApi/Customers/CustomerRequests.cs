namespace LiteAspire.Admin.ProxyApi.Customers;

/// <summary>
/// <c>POST /customer/new</c> and <c>/customer/update</c>: budget fields (<see cref="MaxBudget"/>, <see cref="BudgetDuration"/>)
/// or an existing <see cref="BudgetId"/>, never both. On update the proxy keeps every field left null as it is.
/// </summary>
public sealed record CustomerRequest
{
    /// <summary>The customer's id (required).</summary>
    public required string UserId { get; init; }

    /// <summary>A friendly name.</summary>
    public string? Alias { get; init; }

    /// <summary>Budget in USD (the customer's own budget row).</summary>
    public double? MaxBudget { get; init; }

    /// <summary>How often that budget resets.</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>An existing budget to use instead.</summary>
    public string? BudgetId { get; init; }

    /// <summary><c>eu</c> or <c>us</c>.</summary>
    public string? AllowedModelRegion { get; init; }

    /// <summary>A model of the proxy.</summary>
    public string? DefaultModel { get; init; }
}

/// <summary><c>POST /customer/delete</c>, <c>/customer/block</c>, <c>/customer/unblock</c>.</summary>
/// <param name="UserIds">The customers.</param>
public sealed record CustomerIdsRequest(IReadOnlyList<string> UserIds);
