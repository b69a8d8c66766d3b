using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>A <c>LiteLLM_UserTable</c> row as the member endpoints return it (<c>updated_users</c>); never the password.</summary>
public sealed record UserView(
    string UserId,
    string? UserAlias,
    string? UserEmail,
    string? UserRole,
    IReadOnlyList<string> Teams,
    string? OrganizationId,
    double? MaxBudget,
    double Spend,
    IReadOnlyList<string> Models,
    JsonNode? Metadata,
    long? TpmLimit,
    long? RpmLimit,
    int? MaxParallelRequests,
    string? BudgetDuration,
    DateTime? BudgetResetAt,
    DateTime? CreatedAt,
    DateTime? UpdatedAt)
{
    /// <summary>The view of <paramref name="user"/>.</summary>
    public static UserView From(UserTable user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserView(user.UserId, user.UserAlias, user.UserEmail, user.UserRole, user.Teams, user.OrganizationId, user.MaxBudget,
            user.Spend, user.Models, JsonColumn.Parse(user.Metadata), user.TpmLimit, user.RpmLimit, user.MaxParallelRequests,
            user.BudgetDuration, user.BudgetResetAt, user.CreatedAt, user.UpdatedAt);
    }
}
