using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>Who deleted a row, for the <c>deleted_*</c> columns of LiteLLM's audit copies.</summary>
/// <param name="At">When.</param>
/// <param name="By">The caller's user id.</param>
/// <param name="ByApiKey">The caller's token (hash).</param>
/// <param name="ChangedBy">The <c>litellm-changed-by</c> header, if sent.</param>
internal sealed record Deletion(DateTime At, string? By, string ByApiKey, string? ChangedBy)
{
    public static Deletion Of(HttpContext context, ApiKeyAuth caller, DateTime now)
    {
        var changedBy = context.Request.Headers["litellm-changed-by"].ToString();
        return new Deletion(now, caller.UserId, caller.Token, changedBy.Length == 0 ? null : changedBy);
    }
}

/// <summary>Copies of deleted teams and keys into <c>LiteLLM_DeletedTeamTable</c> and <c>LiteLLM_DeletedVerificationToken</c> (keys copied as <c>/key/delete</c> copies them).</summary>
internal static class DeletedRows
{
    public static DeletedTeamTable Team(TeamTable team, Deletion deletion) => new()
    {
        Id = Guid.NewGuid().ToString(),
        TeamId = team.TeamId,
        TeamAlias = team.TeamAlias,
        OrganizationId = team.OrganizationId,
        ObjectPermissionId = team.ObjectPermissionId,
        Admins = [.. team.Admins],
        Members = [.. team.Members],
        MembersWithRoles = team.MembersWithRoles,
        Metadata = team.Metadata,
        MaxBudget = team.MaxBudget,
        SoftBudget = team.SoftBudget,
        Spend = team.Spend,
        Models = [.. team.Models],
        MaxParallelRequests = team.MaxParallelRequests,
        TpmLimit = team.TpmLimit,
        RpmLimit = team.RpmLimit,
        BudgetDuration = team.BudgetDuration,
        BudgetResetAt = team.BudgetResetAt,
        Blocked = team.Blocked,
        ModelSpend = team.ModelSpend,
        ModelMaxBudget = team.ModelMaxBudget,
        RouterSettings = team.RouterSettings,
        TeamMemberPermissions = [.. team.TeamMemberPermissions],
        AccessGroupIds = [.. team.AccessGroupIds],
        Policies = [.. team.Policies],
        ModelId = team.ModelId,
        AllowTeamGuardrailConfig = team.AllowTeamGuardrailConfig,
        CreatedAt = team.CreatedAt,
        UpdatedAt = team.UpdatedAt,
        DeletedAt = deletion.At,
        DeletedBy = deletion.By,
        DeletedByApiKey = deletion.ByApiKey,
        LitellmChangedBy = deletion.ChangedBy,
    };

    public static DeletedVerificationToken Key(VerificationToken key, Deletion deletion) =>
        Keys.DeletedKeys.Copy(key, deletion.At, deletion.By, deletion.ByApiKey, deletion.ChangedBy);
}
