using System.Text.Json.Serialization;

namespace LiteAspire.Admin.ProxyApi.Teams;

/// <summary><c>GET /team/info?team_id=</c>: the team, its keys and its members' memberships.</summary>
public sealed record TeamInfo
{
    /// <summary>The team's id.</summary>
    public string TeamId { get; init; } = string.Empty;

    /// <summary>The team row (<c>team_info</c>).</summary>
    [JsonPropertyName("team_info")]
    public Team Team { get; init; } = new();

    /// <summary>The team's keys (without tokens).</summary>
    public IReadOnlyList<TeamKey> Keys { get; init; } = [];

    /// <summary>The members' spend and budgets in the team.</summary>
    public IReadOnlyList<TeamMembership> TeamMemberships { get; init; } = [];
}
