using System.ComponentModel.DataAnnotations;
using LiteAspire.Admin.Components.Tenancy;
using LiteAspire.Admin.ProxyApi.Teams;

namespace LiteAspire.Admin.Components.Pages.Teams;

/// <summary>What the team dialog edits, and the create and update bodies made from it.</summary>
public sealed class TeamForm
{
    /// <summary>The team's name.</summary>
    [Required(ErrorMessage = "Give the team a name.")]
    public string? Alias { get; set; }

    /// <summary>Models its keys may call; empty means all.</summary>
    public IReadOnlyList<string> Models { get; set; } = [];

    /// <summary>Budget in USD.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "The budget cannot be negative.")]
    public double? MaxBudget { get; set; }

    /// <summary>How often the budget resets (<c>1d</c>, <c>30d</c>, <c>1mo</c>).</summary>
    public string? BudgetDuration { get; set; }

    /// <summary>Tokens per minute.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "The limit cannot be negative.")]
    public long? TpmLimit { get; set; }

    /// <summary>Requests per minute.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "The limit cannot be negative.")]
    public long? RpmLimit { get; set; }

    /// <summary>The organization, or null for none.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>Metadata as JSON text.</summary>
    public string? Metadata { get; set; }

    /// <summary>The form filled with <paramref name="team"/>.</summary>
    public static TeamForm From(Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return new TeamForm
        {
            Alias = team.TeamAlias,
            Models = team.Models,
            MaxBudget = team.MaxBudget,
            BudgetDuration = team.BudgetDuration,
            TpmLimit = team.TpmLimit,
            RpmLimit = team.RpmLimit,
            OrganizationId = team.OrganizationId,
            Metadata = MetadataText.Of(team.Metadata),
        };
    }

    /// <summary>The <c>/team/new</c> body.</summary>
    public NewTeamRequest ToNewRequest()
    {
        var metadata = MetadataText.Parse(Metadata);
        return new NewTeamRequest
        {
            TeamAlias = Alias?.Trim(),
            Models = Models,
            MaxBudget = MaxBudget,
            BudgetDuration = Blank(BudgetDuration),
            TpmLimit = TpmLimit,
            RpmLimit = RpmLimit,
            OrganizationId = Blank(OrganizationId),
            Metadata = metadata.Count > 0 ? metadata : null,
        };
    }

    /// <summary>The <c>/team/update</c> body for <paramref name="teamId"/>.</summary>
    public UpdateTeamRequest ToUpdateRequest(string teamId) => new()
    {
        TeamId = teamId,
        Metadata = MetadataText.Parse(Metadata),
        TeamAlias = Alias?.Trim(),
        Models = Models,
        MaxBudget = MaxBudget,
        BudgetDuration = Blank(BudgetDuration),
        TpmLimit = TpmLimit,
        RpmLimit = RpmLimit,
        OrganizationId = Blank(OrganizationId) ?? string.Empty,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
