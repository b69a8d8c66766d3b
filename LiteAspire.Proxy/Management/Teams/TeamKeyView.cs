using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>A key of a team as <c>/team/info</c> and <c>/team/list</c> show it: without its token, named by <c>key_name</c> (<c>sk-...abcd</c>).</summary>
public sealed record TeamKeyView(
    string? KeyName,
    string? KeyAlias,
    double Spend,
    double? MaxBudget,
    DateTime? Expires,
    IReadOnlyList<string> Models,
    string? UserId,
    string? TeamId,
    string? OrganizationId,
    bool? Blocked,
    long? TpmLimit,
    long? RpmLimit,
    int? MaxParallelRequests,
    string? BudgetDuration,
    DateTime? BudgetResetAt,
    JsonNode? Metadata,
    DateTime? CreatedAt,
    string? CreatedBy,
    DateTime? UpdatedAt,
    string? UpdatedBy)
{
    /// <summary>The view of <paramref name="key"/>.</summary>
    public static TeamKeyView From(VerificationToken key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new TeamKeyView(key.KeyName, key.KeyAlias, key.Spend, key.MaxBudget, key.Expires, key.Models, key.UserId, key.TeamId,
            key.OrganizationId, key.Blocked, key.TpmLimit, key.RpmLimit, key.MaxParallelRequests, key.BudgetDuration, key.BudgetResetAt,
            JsonColumn.Parse(key.Metadata), key.CreatedAt, key.CreatedBy, key.UpdatedAt, key.UpdatedBy);
    }
}
