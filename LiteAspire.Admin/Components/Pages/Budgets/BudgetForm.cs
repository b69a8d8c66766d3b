using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using LiteAspire.Admin.ProxyApi.Budgets;

namespace LiteAspire.Admin.Components.Pages.Budgets;

/// <summary>What the budget dialog edits, and the create and update bodies made from it.</summary>
public sealed class BudgetForm
{
    /// <summary>The budget's id (what keys, customers and organizations name it by).</summary>
    [Required(ErrorMessage = "Give the budget an id.")]
    public string? BudgetId { get; set; }

    /// <summary>Hard limit in USD.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "The budget cannot be negative.")]
    public double? MaxBudget { get; set; }

    /// <summary>Alert threshold in USD.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "The soft budget cannot be negative.")]
    public double? SoftBudget { get; set; }

    /// <summary>How often spend resets.</summary>
    public string? BudgetDuration { get; set; }

    /// <summary>Tokens per minute.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "The limit cannot be negative.")]
    public long? TpmLimit { get; set; }

    /// <summary>Requests per minute.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "The limit cannot be negative.")]
    public long? RpmLimit { get; set; }

    /// <summary>Per-model budgets.</summary>
    public List<ModelBudgetLine> ModelBudgets { get; set; } = [];

    /// <summary>The budget being edited, or null when creating one.</summary>
    public Budget? Editing { get; init; }

    /// <summary>The form filled with <paramref name="budget"/>, to edit it.</summary>
    public static BudgetForm From(Budget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return new BudgetForm
        {
            Editing = budget,
            BudgetId = budget.BudgetId,
            MaxBudget = budget.MaxBudget,
            SoftBudget = budget.SoftBudget,
            BudgetDuration = budget.BudgetDuration,
            TpmLimit = budget.TpmLimit,
            RpmLimit = budget.RpmLimit,
            ModelBudgets = ModelBudgetLine.Read(budget.ModelMaxBudget),
        };
    }

    /// <summary>
    /// The <c>/budget/new</c> or <c>/budget/update</c> body. Empty fields are left out: the proxy keeps what a budget has
    /// for them. The per-model budgets are sent whole when there are any, or when lines were removed from a stored set.
    /// </summary>
    public BudgetRequest ToRequest()
    {
        var perModel = ModelBudgetLine.Write(ModelBudgets);
        var hadPerModel = Editing?.ModelMaxBudget is { Count: > 0 };
        return new BudgetRequest
        {
            BudgetId = Editing?.BudgetId ?? BudgetId?.Trim(),
            MaxBudget = MaxBudget,
            SoftBudget = SoftBudget,
            BudgetDuration = string.IsNullOrWhiteSpace(BudgetDuration) ? null : BudgetDuration.Trim(),
            TpmLimit = TpmLimit,
            RpmLimit = RpmLimit,
            ModelMaxBudget = perModel.Count > 0 || hadPerModel ? perModel : null,
        };
    }

    /// <summary>The per-model budgets as one line of text (<c>gpt-4o: $5.00 / 1d</c>), for the list.</summary>
    public static string Describe(JsonObject? modelMaxBudget) =>
        modelMaxBudget is { Count: > 0 }
            ? string.Join("; ", ModelBudgetLine.Read(modelMaxBudget).Select(l =>
                $"{l.Model}: {Tenancy.Figures.Usd(l.MaxBudget)}{(l.BudgetDuration is { } d ? " / " + d : string.Empty)}"))
            : Tenancy.Figures.None;
}
