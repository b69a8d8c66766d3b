namespace LiteAspire.Proxy.Management.Teams;

/// <summary>Keys LiteLLM keeps inside a team's <c>metadata</c>.</summary>
internal static class TeamMetadata
{
    /// <summary>The budget row every member's <c>TeamMembership</c> points to by default.</summary>
    public const string TeamMemberBudgetId = "team_member_budget_id";

    /// <summary>The team's model aliases (LiteLLM keeps them in <c>LiteLLM_ModelTable</c>, which this schema does not map).</summary>
    public const string ModelAliases = "model_aliases";

    /// <summary>The default member budget id of <paramref name="metadata"/>, if any.</summary>
    public static string? DefaultMemberBudgetId(string? metadata) => JsonColumn.Text(JsonColumn.Object(metadata), TeamMemberBudgetId);
}
