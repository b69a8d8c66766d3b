using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary>Validation of budget fields and how they land on a <see cref="BudgetTable"/> row.</summary>
public static class BudgetRules
{
    /// <summary>400 for a negative amount or limit, a bad duration, or a malformed <c>model_max_budget</c>.</summary>
    public static void Validate(IBudgetFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ManagementErrors.RequireNonNegative(fields.MaxBudget, "max_budget");
        ManagementErrors.RequireNonNegative(fields.SoftBudget, "soft_budget");
        ManagementErrors.RequireNonNegative(fields.MaxParallelRequests, "max_parallel_requests");
        ManagementErrors.RequireNonNegative(fields.TpmLimit, "tpm_limit");
        ManagementErrors.RequireNonNegative(fields.RpmLimit, "rpm_limit");
        ManagementErrors.RequireDuration(fields.BudgetDuration, "budget_duration");
        if (fields.ModelMaxBudget is { } perModel)
        {
            ValidateModelMaxBudget(perModel);
        }
    }

    /// <summary>
    /// 400 for a malformed <c>model_max_budget</c>: each entry an object whose amounts (<c>max_budget</c> or LiteLLM's
    /// <c>budget_limit</c>, ...) are numbers >= 0 and whose period (<c>budget_duration</c> or <c>time_period</c>) is a duration.
    /// </summary>
    public static void ValidateModelMaxBudget(JsonObject perModel)
    {
        ArgumentNullException.ThrowIfNull(perModel);
        foreach (var (model, value) in perModel)
        {
            ValidateModelBudget(model, value);
        }
    }

    /// <summary>The name of the first budget field given, or null when none is.</summary>
    public static string? FirstGiven(IBudgetFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.MaxBudget is not null ? "max_budget"
            : fields.SoftBudget is not null ? "soft_budget"
            : fields.MaxParallelRequests is not null ? "max_parallel_requests"
            : fields.TpmLimit is not null ? "tpm_limit"
            : fields.RpmLimit is not null ? "rpm_limit"
            : fields.BudgetDuration is not null ? "budget_duration"
            : fields.ModelMaxBudget is not null ? "model_max_budget"
            : fields.BudgetResetAt is not null ? "budget_reset_at"
            : null;
    }

    /// <summary>Copies the given fields onto <paramref name="row"/>; a new duration starts a period now unless a reset time is given.</summary>
    public static void Apply(BudgetTable row, IBudgetFields fields, AuditStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(fields);
        row.MaxBudget = fields.MaxBudget ?? row.MaxBudget;
        row.SoftBudget = fields.SoftBudget ?? row.SoftBudget;
        row.MaxParallelRequests = fields.MaxParallelRequests ?? row.MaxParallelRequests;
        row.TpmLimit = fields.TpmLimit ?? row.TpmLimit;
        row.RpmLimit = fields.RpmLimit ?? row.RpmLimit;
        row.ModelMaxBudget = fields.ModelMaxBudget?.ToJsonString() ?? row.ModelMaxBudget;
        if (fields.BudgetDuration is { } duration)
        {
            row.BudgetDuration = duration;
            row.BudgetResetAt = BudgetCalendar.Default.NextReset(duration, stamp.At) ?? row.BudgetResetAt;
        }

        if (fields.BudgetResetAt is { } resetAt)
        {
            row.BudgetResetAt = resetAt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(resetAt, DateTimeKind.Utc) : resetAt.ToUniversalTime();
        }

        row.UpdatedAt = stamp.At;
        row.UpdatedBy = stamp.By;
    }

    /// <summary>A new row holding <paramref name="fields"/>.</summary>
    public static BudgetTable Create(string budgetId, IBudgetFields fields, AuditStamp stamp)
    {
        var row = new BudgetTable { BudgetId = budgetId, CreatedAt = stamp.At, CreatedBy = stamp.By };
        Apply(row, fields, stamp);
        return row;
    }

    private static void ValidateModelBudget(string model, JsonNode? value)
    {
        var field = $"model_max_budget.{model}";
        if (value is not JsonObject budget)
        {
            throw ManagementErrors.BadRequest($"Invalid value for '{field}': expected an object such as {{\"max_budget\": 10, \"budget_duration\": \"1d\"}}.", field);
        }

        foreach (var (key, item) in budget)
        {
            switch (key)
            {
                case "max_budget" or "soft_budget" or "budget_limit":
                    RequireNumber(item, $"{field}.{key}", wholeNumber: false);
                    break;
                case "tpm_limit" or "rpm_limit" or "max_parallel_requests":
                    RequireNumber(item, $"{field}.{key}", wholeNumber: true);
                    break;
                case "budget_duration" or "time_period":
                    if (item is not null)
                    {
                        ManagementErrors.RequireDuration(item is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : item.ToJsonString(),
                            $"{field}.{key}");
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static void RequireNumber(JsonNode? item, string field, bool wholeNumber)
    {
        if (item is null)
        {
            return;
        }

        // LiteLLM's UI sends budgets as strings ("0.5"); accept those too.
        var ok = item is JsonValue value && (value.GetValueKind() == JsonValueKind.Number
            ? (wholeNumber ? value.TryGetValue<long>(out var whole) && whole >= 0 : value.GetValue<double>() is var n && n >= 0 && double.IsFinite(n))
            : value.GetValueKind() == JsonValueKind.String && !wholeNumber
                && double.TryParse(value.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                && parsed >= 0 && double.IsFinite(parsed));
        if (!ok)
        {
            throw ManagementErrors.BadRequest($"Invalid value for '{field}': expected a {(wholeNumber ? "whole number" : "number")} >= 0.", field);
        }
    }
}
