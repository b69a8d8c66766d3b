using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>Copies of keys kept in <c>LiteLLM_DeletedVerificationToken</c> when a key is deleted or regenerated.</summary>
public static class DeletedKeys
{
    /// <summary>The copy of <paramref name="row"/> recording who removed it and when.</summary>
    public static DeletedVerificationToken Copy(VerificationToken row, DateTime deletedAt, string? deletedBy, string? deletedByApiKey, string? changedBy)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new DeletedVerificationToken
        {
            Id = Guid.NewGuid().ToString(),
            Token = row.Token,
            KeyName = row.KeyName,
            KeyAlias = row.KeyAlias,
            SoftBudgetCooldown = row.SoftBudgetCooldown,
            Spend = row.Spend,
            Expires = row.Expires,
            Models = [.. row.Models ?? []],
            Aliases = row.Aliases,
            Config = row.Config,
            UserId = row.UserId,
            TeamId = row.TeamId,
            AgentId = row.AgentId,
            ProjectId = row.ProjectId,
            Permissions = row.Permissions,
            MaxParallelRequests = row.MaxParallelRequests,
            Metadata = row.Metadata,
            Blocked = row.Blocked,
            TpmLimit = row.TpmLimit,
            RpmLimit = row.RpmLimit,
            MaxBudget = row.MaxBudget,
            BudgetDuration = row.BudgetDuration,
            BudgetResetAt = row.BudgetResetAt,
            AllowedCacheControls = [.. row.AllowedCacheControls ?? []],
            AllowedRoutes = [.. row.AllowedRoutes ?? []],
            Policies = [.. row.Policies ?? []],
            AccessGroupIds = [.. row.AccessGroupIds ?? []],
            ModelSpend = row.ModelSpend,
            ModelMaxBudget = row.ModelMaxBudget,
            RouterSettings = row.RouterSettings,
            BudgetId = row.BudgetId,
            OrganizationId = row.OrganizationId,
            ObjectPermissionId = row.ObjectPermissionId,
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
            KeyType = row.KeyType,
            DeletedAt = deletedAt,
            DeletedBy = deletedBy,
            DeletedByApiKey = deletedByApiKey,
            LitellmChangedBy = changedBy,
        };
    }
}
