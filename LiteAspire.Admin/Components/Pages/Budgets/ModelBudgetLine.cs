using System.Globalization;
using System.Text.Json.Nodes;

namespace LiteAspire.Admin.Components.Pages.Budgets;

/// <summary>
/// One entry of a budget's <c>model_max_budget</c> as the form edits it: the model, its amount and its period. Other
/// settings the entry holds (per-model limits) are kept as they are.
/// </summary>
public sealed class ModelBudgetLine
{
    /// <summary>The model (or wildcard).</summary>
    public string? Model { get; set; }

    /// <summary>Budget in USD for that model.</summary>
    public double? MaxBudget { get; set; }

    /// <summary>How often it resets.</summary>
    public string? BudgetDuration { get; set; }

    /// <summary>The entry as stored, so its other settings survive an edit.</summary>
    public JsonObject Stored { get; init; } = [];

    /// <summary>The lines of a stored <c>model_max_budget</c> (LiteLLM's <c>budget_limit</c>/<c>time_period</c> read too).</summary>
    public static List<ModelBudgetLine> Read(JsonObject? modelMaxBudget)
    {
        var lines = new List<ModelBudgetLine>();
        foreach (var (model, value) in modelMaxBudget ?? [])
        {
            var entry = value as JsonObject ?? [];
            lines.Add(new ModelBudgetLine
            {
                Model = model,
                MaxBudget = Number(entry["max_budget"] ?? entry["budget_limit"]),
                BudgetDuration = Text(entry["budget_duration"] ?? entry["time_period"]),
                Stored = (JsonObject)entry.DeepClone(),
            });
        }

        return lines;
    }

    /// <summary>The <c>model_max_budget</c> object of <paramref name="lines"/>; <see cref="FormatException"/> for a line without a model.</summary>
    public static JsonObject Write(IEnumerable<ModelBudgetLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = new JsonObject();
        foreach (var line in lines)
        {
            var model = string.IsNullOrWhiteSpace(line.Model)
                ? throw new FormatException("Name the model of every model budget (or remove the line).")
                : line.Model.Trim();
            var entry = (JsonObject)line.Stored.DeepClone();
            entry.Remove("budget_limit");
            entry.Remove("time_period");
            entry["max_budget"] = line.MaxBudget;
            entry["budget_duration"] = string.IsNullOrWhiteSpace(line.BudgetDuration) ? null : line.BudgetDuration.Trim();
            result[model] = entry;
        }

        return result;
    }

    private static double? Number(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<double>(out var number) ? number
            : value.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
        : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
