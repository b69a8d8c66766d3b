using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>The settings <c>/team/new</c> and <c>/team/update</c> share (LiteLLM's <c>TeamBase</c> and friends).</summary>
public abstract record TeamSettings
{
    /// <summary>The team's id: optional on create (a uuid is generated), required on update.</summary>
    public string? TeamId { get; init; }

    /// <summary>A display name.</summary>
    public string? TeamAlias { get; init; }

    /// <summary>The organization the team belongs to; it must exist (on update, "" removes it).</summary>
    public string? OrganizationId { get; init; }

    /// <summary>Deprecated list of admin user ids, stored as sent.</summary>
    public List<string>? Admins { get; init; }

    /// <summary>Deprecated list of member user ids, stored as sent.</summary>
    public List<string>? Members { get; init; }

    /// <summary>Free-form metadata.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Models the team's keys may call; empty means all.</summary>
    public List<string>? Models { get; init; }

    /// <summary>Budget in USD for the whole team.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>Alert threshold in USD.</summary>
    public double? SoftBudget { get; init; }

    /// <summary>How often the budget resets (<c>30d</c>, <c>1mo</c>, ...).</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>Tokens per minute across the team's keys.</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute across the team's keys.</summary>
    public long? RpmLimit { get; init; }

    /// <summary>Requests in flight across the team's keys.</summary>
    public int? MaxParallelRequests { get; init; }

    /// <summary>A blocked team's keys are refused.</summary>
    public bool? Blocked { get; init; }

    /// <summary>Spend-tracking tags (kept in metadata, as LiteLLM does).</summary>
    public List<string>? Tags { get; init; }

    /// <summary>Guardrails (kept in metadata).</summary>
    public List<string>? Guardrails { get; init; }

    /// <summary>Per-model requests per minute (kept in metadata).</summary>
    public Dictionary<string, long>? ModelRpmLimit { get; init; }

    /// <summary>Per-model tokens per minute (kept in metadata).</summary>
    public Dictionary<string, long>? ModelTpmLimit { get; init; }

    /// <summary>Each member's budget in the team: a budget row every membership points to.</summary>
    public double? TeamMemberBudget { get; init; }

    /// <summary>Each member's requests per minute (same budget row).</summary>
    public long? TeamMemberRpmLimit { get; init; }

    /// <summary>Each member's tokens per minute (same budget row).</summary>
    public long? TeamMemberTpmLimit { get; init; }

    /// <summary>Model alias map (alias → model) for the team's keys.</summary>
    public Dictionary<string, string>? ModelAliases { get; init; }

    /// <summary>Routes non-admin members may call.</summary>
    public List<string>? TeamMemberPermissions { get; init; }

    /// <summary>Router settings override.</summary>
    public JsonObject? RouterSettings { get; init; }
}

/// <summary><c>POST /team/new</c>.</summary>
public sealed record NewTeamRequest : TeamSettings
{
    /// <summary>The first members; users that do not exist are created.</summary>
    public List<MemberRequest>? MembersWithRoles { get; init; }
}

/// <summary><c>POST|PATCH /team/update</c>: only the fields sent change.</summary>
public sealed record UpdateTeamRequest : TeamSettings;

/// <summary><c>POST /team/delete</c>.</summary>
/// <param name="TeamIds">The teams to delete.</param>
public sealed record DeleteTeamRequest(List<string>? TeamIds);

/// <summary><c>POST /team/block</c> and <c>/team/unblock</c>.</summary>
/// <param name="TeamId">The team.</param>
public sealed record BlockTeamRequest(string? TeamId);

/// <summary><c>POST /team/member_add</c>.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Member">One member or a list of them (read with <c>MemberList</c>).</param>
/// <param name="MaxBudgetInTeam">Each added member's own budget in the team.</param>
public sealed record TeamMemberAddRequest(
    string? TeamId,
    JsonNode? Member,
    double? MaxBudgetInTeam);

/// <summary><c>POST /team/member_update</c>: the member's role, and budget and limits in the team.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="UserId">The member, by id.</param>
/// <param name="UserEmail">The member, by email.</param>
/// <param name="Role"><c>admin</c> or <c>user</c>.</param>
/// <param name="MaxBudgetInTeam">The member's budget in the team.</param>
/// <param name="TpmLimit">The member's tokens per minute in the team.</param>
/// <param name="RpmLimit">The member's requests per minute in the team.</param>
public sealed record TeamMemberUpdateRequest(
    string? TeamId, string? UserId, string? UserEmail, string? Role, double? MaxBudgetInTeam, long? TpmLimit, long? RpmLimit);

/// <summary><c>POST /team/member_delete</c>.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="UserId">The member, by id.</param>
/// <param name="UserEmail">The member, by email.</param>
public sealed record TeamMemberDeleteRequest(string? TeamId, string? UserId, string? UserEmail);
