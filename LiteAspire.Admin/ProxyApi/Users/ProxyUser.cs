using System.Text.Json.Nodes;

namespace LiteAspire.Admin.ProxyApi.Users;

/// <summary>A user's row as <c>/user/list</c> and <c>/user/update</c> return it (never the password).</summary>
public sealed record ProxyUser
{
    public required string UserId { get; init; }

    public string? UserAlias { get; init; }

    public string? UserEmail { get; init; }

    /// <summary>The user's LiteLLM role (<c>proxy_admin</c>, <c>internal_user</c>, ...).</summary>
    public string? UserRole { get; init; }

    public string? OrganizationId { get; init; }

    /// <summary>Ids of the user's teams.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    public double? MaxBudget { get; init; }

    public double Spend { get; init; }

    public string? BudgetDuration { get; init; }

    public DateTimeOffset? BudgetResetAt { get; init; }

    /// <summary>Models the user may call; empty means every model.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public JsonObject? Metadata { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>How many keys the user has (only in <c>/user/list</c>).</summary>
    public int? KeyCount { get; init; }

    /// <summary>What the dashboard calls the user: the email, else the alias, else the id.</summary>
    public string DisplayName => UserEmail ?? UserAlias ?? UserId;
}
