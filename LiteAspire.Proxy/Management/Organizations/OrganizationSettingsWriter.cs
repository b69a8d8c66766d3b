using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Management.Teams;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>Validates organization fields and writes the sent ones onto the organization and its budget row.</summary>
internal static class OrganizationSettingsWriter
{
    private static readonly string[] s_budgetFields =
        ["max_budget", "soft_budget", "tpm_limit", "rpm_limit", "max_parallel_requests", "budget_duration", "model_max_budget"];

    public static void Validate<T>(SentBody<T> body)
        where T : OrganizationSettings
    {
        var s = body.Value;
        ManagementErrors.RequireNonNegative(s.MaxBudget, "max_budget");
        ManagementErrors.RequireNonNegative(s.SoftBudget, "soft_budget");
        ManagementErrors.RequireNonNegative(s.TpmLimit, "tpm_limit");
        ManagementErrors.RequireNonNegative(s.RpmLimit, "rpm_limit");
        ManagementErrors.RequireNonNegative(s.MaxParallelRequests, "max_parallel_requests");
        ManagementErrors.RequireDuration(s.BudgetDuration, "budget_duration");
        foreach (var (model, limit) in (s.ModelRpmLimit ?? []).Concat(s.ModelTpmLimit ?? []))
        {
            ManagementErrors.RequireNonNegative(limit, $"model_limit.{model}");
        }

        if (body.Has("organization_alias") && string.IsNullOrWhiteSpace(s.OrganizationAlias))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'organization_alias': must be a non-empty string.", "organization_alias");
        }

        if (body.Has("organization_id") && string.IsNullOrWhiteSpace(s.OrganizationId))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'organization_id': must not be empty.", "organization_id");
        }

        if (s.BudgetId is not null && HasBudgetFields(body))
        {
            throw ManagementErrors.BadRequest("Pass either 'budget_id' (an existing budget) or the budget fields (max_budget, tpm_limit, ...), not both.",
                "budget_id");
        }
    }

    /// <summary>True when any field of the budget row was sent.</summary>
    public static bool HasBudgetFields<T>(SentBody<T> body)
        where T : OrganizationSettings => Array.Exists(s_budgetFields, body.Has);

    public static void ApplyOrganization<T>(OrganizationTable organization, SentBody<T> body, string author, DateTime now)
        where T : OrganizationSettings
    {
        var s = body.Value;
        if (body.Has("organization_alias"))
        {
            organization.OrganizationAlias = s.OrganizationAlias!;
        }

        if (body.Has("models"))
        {
            organization.Models = s.Models ?? [];
        }

        var metadata = body.Has("metadata") ? s.Metadata?.DeepClone().AsObject() ?? [] : JsonColumn.Object(organization.Metadata);
        if (body.Has("model_rpm_limit"))
        {
            JsonColumn.Set(metadata, "model_rpm_limit", s.ModelRpmLimit);
        }

        if (body.Has("model_tpm_limit"))
        {
            JsonColumn.Set(metadata, "model_tpm_limit", s.ModelTpmLimit);
        }

        organization.Metadata = metadata.ToJsonString();
        organization.UpdatedAt = now;
        organization.UpdatedBy = author;
    }

    public static void ApplyBudget<T>(BudgetTable budget, SentBody<T> body, string author, DateTime now)
        where T : OrganizationSettings
    {
        var s = body.Value;
        if (body.Has("max_budget"))
        {
            budget.MaxBudget = s.MaxBudget;
        }

        if (body.Has("soft_budget"))
        {
            budget.SoftBudget = s.SoftBudget;
        }

        if (body.Has("tpm_limit"))
        {
            budget.TpmLimit = s.TpmLimit;
        }

        if (body.Has("rpm_limit"))
        {
            budget.RpmLimit = s.RpmLimit;
        }

        if (body.Has("max_parallel_requests"))
        {
            budget.MaxParallelRequests = s.MaxParallelRequests;
        }

        if (body.Has("budget_duration"))
        {
            budget.BudgetDuration = s.BudgetDuration;
            budget.BudgetResetAt = TeamSettingsWriter.ResetAt(s.BudgetDuration, now);
        }

        if (body.Has("model_max_budget"))
        {
            budget.ModelMaxBudget = s.ModelMaxBudget?.ToJsonString();
        }

        budget.UpdatedAt = now;
        budget.UpdatedBy = author;
    }
}
