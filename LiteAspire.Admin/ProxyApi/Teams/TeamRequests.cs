using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LiteAspire.Admin.ProxyApi.Teams;

/// <summary><c>POST /team/new</c>: the fields the dashboard's form sets (nulls left out, so the proxy applies no limit).</summary>
public sealed record NewTeamRequest
{
    /// <summary>Display name.</summary>
    public string? TeamAlias { get; init; }

    /// <summary>Models the team's keys may call; empty means all.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Budget in USD.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>How often the budget resets.</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>Tokens per minute.</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute.</summary>
    public long? RpmLimit { get; init; }

    /// <summary>The organization the team belongs to.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>Free-form metadata.</summary>
    public JsonObject? Metadata { get; init; }
}

/// <summary>
/// <c>POST /team/update</c>: the proxy changes exactly the fields sent, so every field the form edits is sent, null
/// included (a cleared budget or limit is removed; an empty <see cref="OrganizationId"/> takes the team out of its organization).
/// </summary>
public sealed record UpdateTeamRequest
{
    /// <summary>The team.</summary>
    public required string TeamId { get; init; }

    /// <summary>Display name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? TeamAlias { get; init; }

    /// <summary>Models the team's keys may call; empty means all.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Budget in USD; null removes it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? MaxBudget { get; init; }

    /// <summary>How often the budget resets; null removes it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? BudgetDuration { get; init; }

    /// <summary>Tokens per minute; null removes the limit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute; null removes the limit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? RpmLimit { get; init; }

    /// <summary>The organization; empty takes the team out of its organization.</summary>
    public string OrganizationId { get; init; } = string.Empty;

    /// <summary>Metadata (replaces the old; the proxy keeps the entries it manages itself).</summary>
    public JsonObject Metadata { get; init; } = [];
}

/// <summary><c>POST /team/block</c> and <c>/team/unblock</c>.</summary>
/// <param name="TeamId">The team.</param>
public sealed record TeamIdRequest(string TeamId);

/// <summary><c>POST /team/delete</c>.</summary>
/// <param name="TeamIds">The teams to delete (their keys are deleted with them).</param>
public sealed record DeleteTeamsRequest(IReadOnlyList<string> TeamIds);

/// <summary><c>POST /team/member_add</c> with one member.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Member">The member: a role and a user id or email (a missing user is created).</param>
public sealed record TeamMemberAddRequest(string TeamId, TeamMember Member);

/// <summary><c>POST /team/member_update</c>: a member's role.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="UserId">The member, by id.</param>
/// <param name="UserEmail">The member, by email (when the entry has no id).</param>
/// <param name="Role"><c>admin</c> or <c>user</c>.</param>
public sealed record TeamMemberUpdateRequest(string TeamId, string? UserId, string? UserEmail, string Role);

/// <summary><c>POST /team/member_delete</c>.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="UserId">The member, by id.</param>
/// <param name="UserEmail">The member, by email (when the entry has no id).</param>
public sealed record TeamMemberDeleteRequest(string TeamId, string? UserId, string? UserEmail);
