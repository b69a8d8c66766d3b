using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>The fields <c>/organization/new</c> and <c>/organization/update</c> share: the organization and its budget row.</summary>
public abstract record OrganizationSettings
{
    /// <summary>The organization's id: optional on create (a uuid is generated), required on update.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The organization's name (required on create).</summary>
    public string? OrganizationAlias { get; init; }

    /// <summary>Models the organization's teams and keys may call; empty means all.</summary>
    public List<string>? Models { get; init; }

    /// <summary>An existing budget row to use instead of the budget fields below.</summary>
    public string? BudgetId { get; init; }

    /// <summary>Budget in USD (budget row).</summary>
    public double? MaxBudget { get; init; }

    /// <summary>Alert threshold in USD (budget row).</summary>
    public double? SoftBudget { get; init; }

    /// <summary>Tokens per minute (budget row).</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute (budget row).</summary>
    public long? RpmLimit { get; init; }

    /// <summary>Requests in flight (budget row).</summary>
    public int? MaxParallelRequests { get; init; }

    /// <summary>How often the budget resets (budget row).</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>Per-model budgets (budget row).</summary>
    public JsonObject? ModelMaxBudget { get; init; }

    /// <summary>Free-form metadata.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Per-model requests per minute (kept in metadata).</summary>
    public Dictionary<string, long>? ModelRpmLimit { get; init; }

    /// <summary>Per-model tokens per minute (kept in metadata).</summary>
    public Dictionary<string, long>? ModelTpmLimit { get; init; }
}

/// <summary><c>POST /organization/new</c>.</summary>
public sealed record NewOrganizationRequest : OrganizationSettings;

/// <summary><c>POST|PATCH /organization/update</c>: only the fields sent change.</summary>
public sealed record UpdateOrganizationRequest : OrganizationSettings
{
    /// <summary>Sets the organization's spend (its live counter is reset to it).</summary>
    public double? Spend { get; init; }
}

/// <summary><c>DELETE|POST /organization/delete</c>.</summary>
/// <param name="OrganizationIds">The organizations to delete.</param>
public sealed record DeleteOrganizationRequest(List<string>? OrganizationIds);

/// <summary><c>POST /organization/member_add</c>.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="Member">One member or a list (roles <c>org_admin</c>, <c>internal_user</c>, <c>internal_user_viewer</c>).</param>
/// <param name="MaxBudgetInOrganization">Each added member's budget in the organization.</param>
public sealed record OrganizationMemberAddRequest(
    string? OrganizationId,
    JsonNode? Member,
    double? MaxBudgetInOrganization);
