using System.Globalization;

using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;
using LiteAspire.Data.Spend;
using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// LiteLLM's global proxy budget (<c>litellm_settings.max_budget</c>, <c>budget_duration</c>): every LLM request, the
/// master key's included, counts against it. <see cref="Scope"/> is read on the request path without any I/O; it is null
/// when no budget is configured, or until the pseudo-user row has been loaded (no database: never, as LiteLLM fails open).
/// </summary>
public sealed class ProxyBudget
{
    /// <summary>The spend counter kind of the global budget.</summary>
    public const string ScopeKind = SpendCounterKeys.Global;

    private BudgetedScope[] _scopes = [];

    /// <summary>Reads the budget from <paramref name="config"/>.</summary>
    public ProxyBudget(ProxyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        MaxBudget = Number(config.LiteLLMSettings.Extra.GetValueOrDefault("max_budget"));
        BudgetDuration = config.LiteLLMSettings.Extra.GetValueOrDefault("budget_duration") is { } duration
            ? Convert.ToString(duration, CultureInfo.InvariantCulture)
            : null;
        if (BudgetDuration is not null && !LiteAspire.Data.Budgets.LiteLLMDuration.TryParse(BudgetDuration, out _))
        {
            throw new ProxyConfigException($"litellm_settings.budget_duration '{BudgetDuration}' is not a duration such as 30s, 1h, 1d, 30d or 1mo.");
        }
    }

    /// <summary>The configured budget in USD, or null when there is none (LiteLLM treats 0 as none too).</summary>
    public double? MaxBudget { get; }

    /// <summary>The configured period, e.g. <c>30d</c>.</summary>
    public string? BudgetDuration { get; }

    /// <summary>The budget's counter with the spend last read from the database, or null when not enforced.</summary>
    public BudgetedScope? Scope => Scopes.Count == 0 ? null : Scopes[0];

    /// <summary><see cref="Scope"/> as a list (empty when not enforced), kept so a request does not allocate one.</summary>
    public IReadOnlyList<BudgetedScope> Scopes => Volatile.Read(ref _scopes);

    /// <summary>Takes the pseudo-user <paramref name="row"/> as the database now has it.</summary>
    public void Load(UserTable row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (MaxBudget is not { } max)
        {
            return;
        }

        // LiteLLM's BudgetExceededError without a scope name: "Budget has been exceeded! Current cost: X, Max budget: Y".
        Volatile.Write(ref _scopes, [new BudgetedScope(new SpendScope(ScopeKind, ProxyBudgetRow.UserId, row.Spend, row.BudgetResetAt, row.BudgetDuration), max, "")]);
    }

    private static double? Number(object? value)
    {
        var number = value is null ? (double?)null : ConfigValues.NumberOf(value) ?? throw Invalid(value);
        return number is > 0 ? number : null;
    }

    private static ProxyConfigException Invalid(object value) =>
        new($"litellm_settings.max_budget must be a number of USD, got '{value}'.");
}
