using System.ComponentModel.DataAnnotations;
using LiteAspire.Admin.ProxyApi.Customers;

namespace LiteAspire.Admin.Components.Pages.EndUsers;

/// <summary>
/// What the end-user dialog edits. The budget is either the customer's own limits (a budget row of its own, created or
/// changed from <see cref="MaxBudget"/> and <see cref="BudgetDuration"/>) or an existing budget shared by id; the proxy
/// takes one or the other, never both.
/// </summary>
public sealed class EndUserForm
{
    /// <summary>The id requests send as <c>user</c>.</summary>
    [Required(ErrorMessage = "Give the end user's id (what requests send as \"user\").")]
    public string? UserId { get; set; }

    /// <summary>A friendly name.</summary>
    public string? Alias { get; set; }

    /// <summary>True to use an existing budget (<see cref="BudgetId"/>) instead of own limits.</summary>
    public bool SharedBudget { get; set; }

    /// <summary>Own budget in USD.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "The budget cannot be negative.")]
    public double? MaxBudget { get; set; }

    /// <summary>How often the own budget resets.</summary>
    public string? BudgetDuration { get; set; }

    /// <summary>The shared budget's id.</summary>
    public string? BudgetId { get; set; }

    /// <summary><c>eu</c>, <c>us</c>, or empty for any region.</summary>
    public string Region { get; set; } = string.Empty;

    /// <summary>A model of the proxy, or empty.</summary>
    public string DefaultModel { get; set; } = string.Empty;

    /// <summary>The customer being edited, or null when creating one.</summary>
    public Customer? Editing { get; init; }

    /// <summary>The form filled with <paramref name="customer"/>, to edit it.</summary>
    public static EndUserForm From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new EndUserForm
        {
            Editing = customer,
            UserId = customer.UserId,
            Alias = customer.Alias,
            MaxBudget = customer.LitellmBudgetTable?.MaxBudget,
            BudgetDuration = customer.LitellmBudgetTable?.BudgetDuration,
            BudgetId = customer.BudgetId,
            Region = customer.AllowedModelRegion ?? string.Empty,
            DefaultModel = customer.DefaultModel ?? string.Empty,
        };
    }

    /// <summary>The <c>/customer/new</c> body.</summary>
    public CustomerRequest ToNewRequest() => new()
    {
        UserId = UserId?.Trim() ?? string.Empty,
        Alias = Blank(Alias),
        MaxBudget = SharedBudget ? null : MaxBudget,
        BudgetDuration = SharedBudget ? null : Blank(BudgetDuration),
        BudgetId = SharedBudget ? RequireBudgetId() : null,
        AllowedModelRegion = Blank(Region),
        DefaultModel = Blank(DefaultModel),
    };

    /// <summary>
    /// The <c>/customer/update</c> body: the alias as typed (empty clears it), a region or model when chosen, and budget
    /// fields only when they changed (they change the customer's budget row in place).
    /// </summary>
    public CustomerRequest ToUpdateRequest()
    {
        var current = Editing?.LitellmBudgetTable;
        var duration = Blank(BudgetDuration);
        return new CustomerRequest
        {
            UserId = Editing?.UserId ?? UserId?.Trim() ?? string.Empty,
            Alias = Alias?.Trim() ?? string.Empty,
            BudgetId = SharedBudget && RequireBudgetId() != Editing?.BudgetId ? BudgetId : null,
            MaxBudget = !SharedBudget && MaxBudget != current?.MaxBudget ? MaxBudget : null,
            BudgetDuration = !SharedBudget && duration != current?.BudgetDuration ? duration : null,
            AllowedModelRegion = Blank(Region),
            DefaultModel = Blank(DefaultModel),
        };
    }

    private string RequireBudgetId() =>
        Blank(BudgetId) ?? throw new FormatException("Choose the budget to share, or give this end user its own limits.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
