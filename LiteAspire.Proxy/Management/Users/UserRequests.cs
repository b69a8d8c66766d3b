using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>The body of <c>/user/new</c> (LiteLLM's <c>NewUserRequest</c>): the user, and the key made for them unless <c>auto_create_key</c> is false.</summary>
public sealed record NewUserRequest
{
    /// <summary>The id (a UUID when absent).</summary>
    public string? UserId { get; init; }

    public string? UserEmail { get; init; }

    public string? UserAlias { get; init; }

    /// <summary>One of LiteLLM's roles; <c>internal_user</c> when absent.</summary>
    public string? UserRole { get; init; }

    /// <summary>Teams to join: ids, or <c>{team_id, max_budget_in_team, user_role}</c>.</summary>
    public JsonArray? Teams { get; init; }

    /// <summary>Deprecated single team.</summary>
    public string? TeamId { get; init; }

    /// <summary>Organizations to join as <c>internal_user</c>.</summary>
    public IReadOnlyList<string>? Organizations { get; init; }

    public double? MaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public double? Spend { get; init; }

    public IReadOnlyList<string>? Models { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public JsonObject? Metadata { get; init; }

    public JsonObject? ModelMaxBudget { get; init; }

    public IReadOnlyList<string>? AllowedCacheControls { get; init; }

    /// <summary>Create a key for the user (LiteLLM's default: true).</summary>
    public bool? AutoCreateKey { get; init; }

    public string? SsoUserId { get; init; }

    /// <summary>UI password, 8 to 128 characters; stored hashed, never returned.</summary>
    public string? Password { get; init; }

    /// <summary>Alias of the auto-created key.</summary>
    public string? KeyAlias { get; init; }

    /// <summary>Lifetime of the auto-created key.</summary>
    public string? Duration { get; init; }
}

/// <summary>The body of <c>/user/update</c>: the user by <c>user_id</c> (or <c>user_email</c>) and the fields to change.</summary>
public sealed record UpdateUserRequest
{
    public string? UserId { get; init; }

    public string? UserEmail { get; init; }

    public string? UserAlias { get; init; }

    public string? UserRole { get; init; }

    public string? Password { get; init; }

    public double? MaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public double? Spend { get; init; }

    public IReadOnlyList<string>? Models { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public JsonObject? Metadata { get; init; }

    public JsonObject? ModelMaxBudget { get; init; }

    public IReadOnlyList<string>? AllowedCacheControls { get; init; }

    public string? SsoUserId { get; init; }
}

/// <summary>The body of <c>/user/delete</c>.</summary>
public sealed record DeleteUsersRequest
{
    /// <summary>The users to delete.</summary>
    public IReadOnlyList<string>? UserIds { get; init; }
}
