using System.ComponentModel.DataAnnotations;
using LiteAspire.Admin.ProxyApi.Organizations;

namespace LiteAspire.Admin.Components.Pages.Organizations;

/// <summary>What the organization dialog edits: its name, models, and its budget row's amount, period and limits.</summary>
public sealed class OrganizationForm
{
    /// <summary>The organization's name.</summary>
    [Required(ErrorMessage = "Give the organization a name.")]
    public string? Alias { get; set; }

    /// <summary>Models its teams and keys may call; empty means all.</summary>
    public IReadOnlyList<string> Models { get; set; } = [];

    /// <summary>Budget in USD.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "The budget cannot be negative.")]
    public double? MaxBudget { get; set; }

    /// <summary>How often the budget resets.</summary>
    public string? BudgetDuration { get; set; }

    /// <summary>Tokens per minute.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "The limit cannot be negative.")]
    public long? TpmLimit { get; set; }

    /// <summary>Requests per minute.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "The limit cannot be negative.")]
    public long? RpmLimit { get; set; }

    /// <summary>The form filled with <paramref name="row"/>.</summary>
    public static OrganizationForm From(OrganizationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new OrganizationForm
        {
            Alias = row.OrganizationAlias,
            Models = row.Models,
            MaxBudget = row.MaxBudget,
            BudgetDuration = row.BudgetDuration,
            TpmLimit = row.TpmLimit,
            RpmLimit = row.RpmLimit,
        };
    }

    /// <summary>The <c>/organization/new</c> body.</summary>
    public NewOrganizationRequest ToNewRequest() => new()
    {
        OrganizationAlias = Alias?.Trim() ?? string.Empty,
        Models = Models,
        MaxBudget = MaxBudget,
        BudgetDuration = Blank(BudgetDuration),
        TpmLimit = TpmLimit,
        RpmLimit = RpmLimit,
    };

    /// <summary>The <c>/organization/update</c> body for <paramref name="organizationId"/>.</summary>
    public UpdateOrganizationRequest ToUpdateRequest(string organizationId) => new()
    {
        OrganizationId = organizationId,
        OrganizationAlias = Alias?.Trim() ?? string.Empty,
        Models = Models,
        MaxBudget = MaxBudget,
        BudgetDuration = Blank(BudgetDuration),
        TpmLimit = TpmLimit,
        RpmLimit = RpmLimit,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
