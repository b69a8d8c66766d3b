using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// A key's row as LiteLLM's key routes return it (<c>LiteLLM_VerificationToken</c> with its budget row): JSON columns as
/// JSON, never the plaintext key. <see cref="Token"/> (the hash) is left out where LiteLLM leaves it out (<c>/key/info</c>).
/// </summary>
public sealed record KeyInfo
{
    /// <summary>SHA-256 hex of the key.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; init; }

    public string? KeyName { get; init; }

    public string? KeyAlias { get; init; }

    public double Spend { get; init; }

    public double? MaxBudget { get; init; }

    public DateTime? Expires { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public JsonNode? Aliases { get; init; }

    public JsonNode? Config { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public JsonNode? Permissions { get; init; }

    public int? MaxParallelRequests { get; init; }

    public JsonNode? Metadata { get; init; }

    public bool? Blocked { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public string? BudgetDuration { get; init; }

    public DateTime? BudgetResetAt { get; init; }

    public IReadOnlyList<string> AllowedCacheControls { get; init; } = [];

    public IReadOnlyList<string> AllowedRoutes { get; init; } = [];

    public string? KeyType { get; init; }

    public JsonNode? ModelSpend { get; init; }

    public JsonNode? ModelMaxBudget { get; init; }

    public bool SoftBudgetCooldown { get; init; }

    public string? BudgetId { get; init; }

    /// <summary>The key's budget row, when it has one.</summary>
    public BudgetInfo? LitellmBudgetTable { get; init; }

    public JsonNode? RouterSettings { get; init; }

    public IReadOnlyList<string> Policies { get; init; } = [];

    public IReadOnlyList<string> AccessGroupIds { get; init; } = [];

    public DateTime? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTime? UpdatedAt { get; init; }

    public string? UpdatedBy { get; init; }

    public DateTime? LastActive { get; init; }

    public int? RotationCount { get; init; }

    public bool? AutoRotate { get; init; }

    public string? RotationInterval { get; init; }

    public DateTime? LastRotationAt { get; init; }

    public DateTime? KeyRotationAt { get; init; }

    /// <summary>The key's team's alias (only in <c>/user/info</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TeamAlias { get; init; }

    /// <summary>The row as returned; <paramref name="withToken"/> false leaves the hash out.</summary>
    public static KeyInfo From(VerificationToken row, bool withToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new KeyInfo
        {
            Token = withToken ? row.Token : null,
            KeyName = row.KeyName,
            KeyAlias = row.KeyAlias,
            Spend = row.Spend,
            MaxBudget = row.MaxBudget,
            Expires = row.Expires,
            Models = row.Models ?? [],
            Aliases = JsonText.Parse(row.Aliases),
            Config = JsonText.Parse(row.Config),
            UserId = row.UserId,
            TeamId = row.TeamId,
            OrganizationId = row.OrganizationId,
            Permissions = JsonText.Parse(row.Permissions),
            MaxParallelRequests = row.MaxParallelRequests,
            Metadata = JsonText.Parse(row.Metadata),
            Blocked = row.Blocked,
            TpmLimit = row.TpmLimit,
            RpmLimit = row.RpmLimit,
            BudgetDuration = row.BudgetDuration,
            BudgetResetAt = row.BudgetResetAt,
            AllowedCacheControls = row.AllowedCacheControls ?? [],
            AllowedRoutes = row.AllowedRoutes ?? [],
            KeyType = row.KeyType,
            ModelSpend = JsonText.Parse(row.ModelSpend),
            ModelMaxBudget = JsonText.Parse(row.ModelMaxBudget),
            SoftBudgetCooldown = row.SoftBudgetCooldown,
            BudgetId = row.BudgetId,
            LitellmBudgetTable = row.Budget is { } budget ? BudgetInfo.From(budget) : null,
            RouterSettings = JsonText.Parse(row.RouterSettings),
            Policies = row.Policies ?? [],
            AccessGroupIds = row.AccessGroupIds ?? [],
            CreatedAt = row.CreatedAt,
            CreatedBy = row.CreatedBy,
            UpdatedAt = row.UpdatedAt,
            UpdatedBy = row.UpdatedBy,
            LastActive = row.LastActive,
            RotationCount = row.RotationCount,
            AutoRotate = row.AutoRotate,
            RotationInterval = row.RotationInterval,
            LastRotationAt = row.LastRotationAt,
            KeyRotationAt = row.KeyRotationAt,
        };
    }
}

/// <summary>A <c>LiteLLM_BudgetTable</c> row as LiteLLM returns it inside keys (<c>litellm_budget_table</c>).</summary>
public sealed record BudgetInfo
{
    public required string BudgetId { get; init; }

    public double? MaxBudget { get; init; }

    public double? SoftBudget { get; init; }

    public int? MaxParallelRequests { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public JsonNode? ModelMaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public DateTime? BudgetResetAt { get; init; }

    public DateTime CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTime UpdatedAt { get; init; }

    public string? UpdatedBy { get; init; }

    /// <summary>The row as returned.</summary>
    public static BudgetInfo From(BudgetTable row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new BudgetInfo
        {
            BudgetId = row.BudgetId,
            MaxBudget = row.MaxBudget,
            SoftBudget = row.SoftBudget,
            MaxParallelRequests = row.MaxParallelRequests,
            TpmLimit = row.TpmLimit,
            RpmLimit = row.RpmLimit,
            ModelMaxBudget = JsonText.Parse(row.ModelMaxBudget),
            BudgetDuration = row.BudgetDuration,
            BudgetResetAt = row.BudgetResetAt,
            CreatedAt = row.CreatedAt,
            CreatedBy = row.CreatedBy,
            UpdatedAt = row.UpdatedAt,
            UpdatedBy = row.UpdatedBy,
        };
    }
}
