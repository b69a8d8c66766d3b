using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// The body of <c>/key/generate</c>, <c>/key/update</c> and <c>/key/regenerate</c> (LiteLLM's <c>GenerateKeyRequest</c>,
/// <c>UpdateKeyRequest</c> and <c>RegenerateKeyRequest</c>): every field optional; which ones were sent is read from the raw body.
/// </summary>
public sealed record KeyRequest
{
    /// <summary>A custom key value on generate; the key to change on update and regenerate.</summary>
    public string? Key { get; init; }

    /// <summary>Unique alias.</summary>
    public string? KeyAlias { get; init; }

    /// <summary>How long the key lives (<c>30d</c>); null or <c>-1</c> for ever.</summary>
    public string? Duration { get; init; }

    /// <summary>Models the key may call.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>Model alias map.</summary>
    public JsonObject? Aliases { get; init; }

    /// <summary>Per-key config.</summary>
    public JsonObject? Config { get; init; }

    /// <summary>Spend so far.</summary>
    public double? Spend { get; init; }

    /// <summary>Hard budget in USD.</summary>
    public double? MaxBudget { get; init; }

    /// <summary>Alert threshold in USD (kept in a budget row, as LiteLLM does).</summary>
    public double? SoftBudget { get; init; }

    /// <summary>Budget period (<c>30d</c>).</summary>
    public string? BudgetDuration { get; init; }

    /// <summary>A budget row from <c>/budget/new</c>.</summary>
    public string? BudgetId { get; init; }

    /// <summary>Tokens per minute.</summary>
    public long? TpmLimit { get; init; }

    /// <summary>Requests per minute.</summary>
    public long? RpmLimit { get; init; }

    /// <summary>Requests in flight.</summary>
    public int? MaxParallelRequests { get; init; }

    /// <summary>Requests per minute per model (stored in <c>metadata.model_rpm_limit</c>).</summary>
    public IReadOnlyDictionary<string, long>? ModelRpmLimit { get; init; }

    /// <summary>Tokens per minute per model (stored in <c>metadata.model_tpm_limit</c>).</summary>
    public IReadOnlyDictionary<string, long>? ModelTpmLimit { get; init; }

    /// <summary>The key's owner.</summary>
    public string? UserId { get; init; }

    /// <summary>The key's team.</summary>
    public string? TeamId { get; init; }

    /// <summary>The key's organization.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>Free-form metadata.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Spend tags (stored in <c>metadata.tags</c>).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Guardrails (stored in <c>metadata.guardrails</c>).</summary>
    public IReadOnlyList<string>? Guardrails { get; init; }

    /// <summary>The key is blocked.</summary>
    public bool? Blocked { get; init; }

    /// <summary><c>llm_api</c>, <c>management</c>, <c>read_only</c> or <c>default</c>.</summary>
    public string? KeyType { get; init; }

    /// <summary>Routes the key may call.</summary>
    public IReadOnlyList<string>? AllowedRoutes { get; init; }

    /// <summary>Cache-control values the key may send.</summary>
    public IReadOnlyList<string>? AllowedCacheControls { get; init; }

    /// <summary>Key permissions.</summary>
    public JsonObject? Permissions { get; init; }

    /// <summary>Per-model budgets.</summary>
    public JsonObject? ModelMaxBudget { get; init; }

    /// <summary>Regenerate: the new key value (else a random one).</summary>
    public string? NewKey { get; init; }

    /// <summary>Regenerate: how long the old key keeps working (not supported: it stops at once).</summary>
    public string? GracePeriod { get; init; }
}
