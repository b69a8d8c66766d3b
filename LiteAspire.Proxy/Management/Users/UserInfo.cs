using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Management.Keys;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>A <c>LiteLLM_UserTable</c> row as LiteLLM's user routes return it: JSON columns as JSON, never the password.</summary>
public sealed record UserInfo
{
    public required string UserId { get; init; }

    public string? UserAlias { get; init; }

    public string? UserEmail { get; init; }

    public string? UserRole { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public string? SsoUserId { get; init; }

    public IReadOnlyList<string> Teams { get; init; } = [];

    public double? MaxBudget { get; init; }

    public double Spend { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public JsonNode? Metadata { get; init; }

    public int? MaxParallelRequests { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public string? BudgetDuration { get; init; }

    public DateTime? BudgetResetAt { get; init; }

    public IReadOnlyList<string> AllowedCacheControls { get; init; } = [];

    public IReadOnlyList<string> Policies { get; init; } = [];

    public JsonNode? ModelSpend { get; init; }

    public JsonNode? ModelMaxBudget { get; init; }

    public DateTime? CreatedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }

    /// <summary>The user's keys (only in <c>/user/list</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? KeyCount { get; init; }

    /// <summary>The row as returned.</summary>
    public static UserInfo From(UserTable row, int? keyCount = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new UserInfo
        {
            UserId = row.UserId,
            UserAlias = row.UserAlias,
            UserEmail = row.UserEmail,
            UserRole = row.UserRole,
            TeamId = row.TeamId,
            OrganizationId = row.OrganizationId,
            SsoUserId = row.SsoUserId,
            Teams = row.Teams ?? [],
            MaxBudget = row.MaxBudget,
            Spend = row.Spend,
            Models = row.Models ?? [],
            Metadata = JsonText.Parse(row.Metadata),
            MaxParallelRequests = row.MaxParallelRequests,
            TpmLimit = row.TpmLimit,
            RpmLimit = row.RpmLimit,
            BudgetDuration = row.BudgetDuration,
            BudgetResetAt = row.BudgetResetAt,
            AllowedCacheControls = row.AllowedCacheControls ?? [],
            Policies = row.Policies ?? [],
            ModelSpend = JsonText.Parse(row.ModelSpend),
            ModelMaxBudget = JsonText.Parse(row.ModelMaxBudget),
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            KeyCount = keyCount,
        };
    }
}

/// <summary>A team as <c>/user/info</c> lists the user's teams.</summary>
public sealed record UserTeamInfo
{
    public required string TeamId { get; init; }

    public string? TeamAlias { get; init; }

    public string? OrganizationId { get; init; }

    public JsonNode? MembersWithRoles { get; init; }

    public JsonNode? Metadata { get; init; }

    public double? MaxBudget { get; init; }

    public double? SoftBudget { get; init; }

    public double Spend { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public string? BudgetDuration { get; init; }

    public DateTime? BudgetResetAt { get; init; }

    public bool Blocked { get; init; }

    public IReadOnlyList<string> TeamMemberPermissions { get; init; } = [];

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    /// <summary>The row as returned.</summary>
    public static UserTeamInfo From(TeamTable row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new UserTeamInfo
        {
            TeamId = row.TeamId,
            TeamAlias = row.TeamAlias,
            OrganizationId = row.OrganizationId,
            MembersWithRoles = JsonText.Parse(row.MembersWithRoles),
            Metadata = JsonText.Parse(row.Metadata),
            MaxBudget = row.MaxBudget,
            SoftBudget = row.SoftBudget,
            Spend = row.Spend,
            Models = row.Models ?? [],
            TpmLimit = row.TpmLimit,
            RpmLimit = row.RpmLimit,
            MaxParallelRequests = row.MaxParallelRequests,
            BudgetDuration = row.BudgetDuration,
            BudgetResetAt = row.BudgetResetAt,
            Blocked = row.Blocked,
            TeamMemberPermissions = row.TeamMemberPermissions ?? [],
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
        };
    }
}
