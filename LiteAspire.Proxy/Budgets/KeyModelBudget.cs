using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// One entry of a key's <c>model_max_budget</c>: LiteLLM's <c>{"gpt-4o": {"budget_limit": 0.5, "time_period": "1d"}}</c>,
/// also written <c>max_budget</c>/<c>budget_duration</c>. Its spend is a live counter only (as LiteLLM keeps it in its cache),
/// in periods that end on the calendar boundaries of <see cref="BudgetCalendar"/>, so every replica agrees when one ends.
/// </summary>
/// <param name="MaxBudget">USD per period.</param>
/// <param name="BudgetDuration">The period, e.g. <c>1d</c>.</param>
public sealed record KeyModelBudget(double MaxBudget, string BudgetDuration)
{
    /// <summary>The spend counter kind of per-model key budgets.</summary>
    public const string ScopeKind = SpendCounterKeys.ModelPerKey;

    private static readonly IReadOnlyDictionary<string, KeyModelBudget> None = new Dictionary<string, KeyModelBudget>();

    /// <summary>The budgets of a stored <c>model_max_budget</c> column; entries without an amount or a valid period are skipped.</summary>
    public static IReadOnlyDictionary<string, KeyModelBudget> Parse(string? json)
    {
        JsonObject? models;
        try
        {
            models = string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return None;
        }

        Dictionary<string, KeyModelBudget>? budgets = null;
        foreach (var (model, value) in models ?? [])
        {
            if (value is JsonObject entry && Number(entry["budget_limit"] ?? entry["max_budget"]) is { } max
                && JsonRead.String(entry["time_period"] ?? entry["budget_duration"]) is { } period && LiteLLMDuration.TryParse(period, out _))
            {
                (budgets ??= new(StringComparer.Ordinal))[model] = new KeyModelBudget(max, period);
            }
        }

        return budgets ?? None;
    }

    /// <summary>The counter of <paramref name="token"/>'s spend on <paramref name="model"/> in the running period.</summary>
    public SpendScope ScopeFor(string token, string model)
    {
        // A reset time long past: the counter starts at zero and lives to the period's next calendar boundary.
        return new SpendScope(ScopeKind, $"{token}:{model}", 0, DateTime.UnixEpoch, BudgetDuration);
    }

    private static double? Number(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>()
        : value.GetValueKind() == JsonValueKind.String && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null
        : null;
}
