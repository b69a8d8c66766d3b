using System.Text.Json.Serialization;

namespace LiteAspire.Admin.ProxyApi.Organizations;

/// <summary><c>POST /organization/new</c>: the organization and the budget row the proxy creates for it.</summary>
public sealed record NewOrganizationRequest
{
    /// <summary>The organization's name (required).</summary>
    public required string OrganizationAlias { get; init; }

    /// <summary>Models its teams and keys may call; empty means all.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>Budget in USD.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>How often the budget resets.</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>Tokens per minute.</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute.</summary>
    public long? RpmLimit { get; init; }
}

/// <summary>
/// <c>POST /organization/update</c>: the proxy changes exactly the fields sent; budget fields change the organization's
/// budget row, so they are sent null included (a cleared limit is removed).
/// </summary>
public sealed record UpdateOrganizationRequest
{
    /// <summary>The organization.</summary>
    public required string OrganizationId { get; init; }

    /// <summary>Its name.</summary>
    public required string OrganizationAlias { get; init; }

    /// <summary>Models its teams and keys may call; empty means all.</summary>
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
}

/// <summary><c>POST /organization/delete</c>.</summary>
/// <param name="OrganizationIds">The organizations (refused while teams belong to them).</param>
public sealed record DeleteOrganizationsRequest(IReadOnlyList<string> OrganizationIds);

/// <summary><c>POST /organization/member_add</c> with one member.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="Member">The member.</param>
public sealed record OrganizationMemberAddRequest(string OrganizationId, OrganizationMemberRequest Member);

/// <summary>A member to add: a role and a user id or email (a missing user is created).</summary>
/// <param name="Role"><c>org_admin</c>, <c>internal_user</c> or <c>internal_user_viewer</c>.</param>
/// <param name="UserId">The user's id.</param>
/// <param name="UserEmail">The user's email.</param>
public sealed record OrganizationMemberRequest(string Role, string? UserId, string? UserEmail);
