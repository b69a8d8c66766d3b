using LiteAspire.Data.Budgets;
using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>Checks of a key request that need no database: amounts, limits, durations, key formats and key types.</summary>
public static class KeyValidation
{
    /// <summary>LiteLLM's <c>key_type</c> values and the routes each one stands for (<c>default</c> leaves the routes alone).</summary>
    public static IReadOnlyDictionary<string, string?> KeyTypes { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["llm_api"] = "llm_api_routes",
        ["management"] = "management_routes",
        ["read_only"] = "info_routes",
        ["default"] = null,
    };

    /// <summary>Throws a 400 naming the first field a LiteLLM proxy would refuse.</summary>
    public static void Check(KeyRequest body, RequestFields fields)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(fields);
        ManagementErrors.RequireNonNegative(body.MaxBudget, "max_budget");
        ManagementErrors.RequireNonNegative(body.SoftBudget, "soft_budget");
        ManagementErrors.RequireNonNegative(body.Spend, "spend");
        ManagementErrors.RequireNonNegative(body.TpmLimit, "tpm_limit");
        ManagementErrors.RequireNonNegative(body.RpmLimit, "rpm_limit");
        ManagementErrors.RequireNonNegative(body.MaxParallelRequests, "max_parallel_requests");
        RequireNonNegative(body.ModelRpmLimit, "model_rpm_limit");
        RequireNonNegative(body.ModelTpmLimit, "model_tpm_limit");
        if (body.Duration is not null and not "-1")
        {
            ManagementErrors.RequireDuration(body.Duration, "duration");
        }

        ManagementErrors.RequireDuration(body.BudgetDuration, "budget_duration");
        if (body.ModelMaxBudget is { } perModel)
        {
            RequireModelBudgets(perModel);
        }

        if (body.KeyType is { } keyType && !KeyTypes.ContainsKey(keyType))
        {
            throw ManagementErrors.BadRequest(
                $"Invalid value for 'key_type': '{keyType}'. Use one of: {string.Join(", ", KeyTypes.Keys)}.", "key_type");
        }

        if (fields.Has("key_alias") && body.KeyAlias is { } alias && string.IsNullOrWhiteSpace(alias))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'key_alias': must not be empty.", "key_alias");
        }

        if (body.Models is { } models && models.Any(string.IsNullOrWhiteSpace))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'models': model names must not be empty.", "models");
        }

        if (body.GracePeriod is { Length: > 0 } and not "0s")
        {
            throw ManagementErrors.BadRequest(
                "grace_period is not supported: the old key stops working as soon as the key is regenerated.", "grace_period");
        }
    }

    /// <summary>A key value chosen by the caller (<c>key</c> on generate, <c>new_key</c> on regenerate).</summary>
    public static void RequireCustomKey(string key, string field, string? masterKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(VirtualKeys.Prefix, StringComparison.Ordinal) || key.Length <= VirtualKeys.Prefix.Length
            || key.Any(char.IsWhiteSpace))
        {
            throw ManagementErrors.BadRequest(
                $"Invalid value for '{field}': a LiteLLM virtual key must start with 'sk-' and contain no spaces.", field);
        }

        if (masterKey is not null && string.Equals(key, masterKey, StringComparison.Ordinal))
        {
            throw ManagementErrors.BadRequest($"Invalid value for '{field}': the master key cannot be used as a virtual key.", field);
        }
    }

    /// <summary>Parses a duration already validated by <see cref="Check"/>; null for <c>-1</c> or null (never).</summary>
    public static LiteLLMDuration? DurationOf(string? text) =>
        text is null or "-1" ? null : LiteLLMDuration.TryParse(text, out var duration) ? duration : null;

    private static void RequireNonNegative(IReadOnlyDictionary<string, long>? limits, string field)
    {
        if (limits is null)
        {
            return;
        }

        foreach (var (model, limit) in limits)
        {
            if (limit < 0)
            {
                throw ManagementErrors.BadRequest($"Invalid value for '{field}': the limit for '{model}' must be >= 0.", field);
            }
        }
    }

    // A key's per-model budget is a live counter only, so it needs an amount and a period (LiteLLM's budget_limit and time_period).
    private static void RequireModelBudgets(System.Text.Json.Nodes.JsonObject perModel)
    {
        Budgets.BudgetRules.ValidateModelMaxBudget(perModel);
        foreach (var (model, value) in perModel)
        {
            var entry = (System.Text.Json.Nodes.JsonObject)value!;
            if ((entry["budget_limit"] ?? entry["max_budget"]) is null || (entry["time_period"] ?? entry["budget_duration"]) is null)
            {
                throw ManagementErrors.BadRequest(
                    $"Invalid value for 'model_max_budget.{model}': expected {{\"budget_limit\": <USD>, \"time_period\": \"1d\"}} (or max_budget and budget_duration).",
                    $"model_max_budget.{model}");
            }
        }
    }
}
