using System.Globalization;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// LiteLLM's budget checks before a call — key, user, team, team member and organization — against live spend, and the
/// spend a finished call adds to each of them.
/// </summary>
public sealed class BudgetEnforcer(ILiveSpend spend)
{
    /// <summary>The budgeted scopes of <paramref name="caller"/> (those with a <c>max_budget</c>), with their limits.</summary>
    public IReadOnlyList<BudgetedScope> ScopesOf(ApiKeyAuth caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        List<BudgetedScope>? scopes = null;
        Add(ref scopes, "key", caller.Token, caller.KeyBudget, $"Key={caller.Token}");
        if (caller.User is { } user)
        {
            Add(ref scopes, "user", user.Id, user.Budget, $"User={user.Id}");
        }

        if (caller.Team is { } team)
        {
            Add(ref scopes, "team", team.TeamId, team.Budget, $"Team={team.TeamId}");
            if (caller.UserId is { } member)
            {
                Add(ref scopes, "team_member", $"{team.TeamId}:{member}", team.MemberBudget, $"User={member} in Team={team.TeamId}");
            }
        }

        if (caller.Organization is { } organization)
        {
            Add(ref scopes, "organization", organization.Id, organization.Budget, $"Organization={organization.Id}");
        }

        return scopes ?? (IReadOnlyList<BudgetedScope>)[];
    }

    /// <summary>The key's budget for <paramref name="model"/> (<c>model_max_budget</c>), or null when it has none.</summary>
    public static BudgetedScope? ModelScopeOf(ApiKeyAuth caller, string model)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.ModelMaxBudgets.Count == 0 || !caller.ModelMaxBudgets.TryGetValue(model, out var budget))
        {
            return null;
        }

        return new BudgetedScope(budget.ScopeFor(caller.Token, model), budget.MaxBudget, $"Key={caller.Token} model={model}",
            // LiteLLM formats a missing alias as Python's None.
            $"LiteLLM Virtual Key: {caller.Token}, key_alias: {caller.KeyAlias ?? "None"}, exceeded budget for model={model}");
    }

    /// <summary>Throws LiteLLM's 400 <c>budget_exceeded</c> when any scope has spent its budget.</summary>
    public async ValueTask CheckAsync(IReadOnlyList<BudgetedScope> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0)
        {
            return;
        }

        var current = await spend.GetAsync(Spends(scopes), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < scopes.Count; i++)
        {
            if (current[i] >= scopes[i].MaxBudget)
            {
                if (scopes[i].Message is { } message)
                {
                    throw new GatewayException(400, message, "budget_exceeded", null);
                }

                // An empty label (the global budget) leaves LiteLLM's unnamed message: "Budget has been exceeded! Current cost: ...".
                var label = scopes[i].Label.Length == 0 ? "" : scopes[i].Label + " ";
                throw new GatewayException(400,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Budget has been exceeded! {label}Current cost: {current[i]}, Max budget: {scopes[i].MaxBudget}"),
                    "budget_exceeded", null);
            }
        }
    }

    /// <summary>Counts <paramref name="cost"/> against every budgeted scope.</summary>
    public ValueTask AddAsync(IReadOnlyList<BudgetedScope> scopes, double cost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return scopes.Count == 0 || cost <= 0 ? ValueTask.CompletedTask : spend.AddAsync(Spends(scopes), cost, cancellationToken);
    }

    private static SpendScope[] Spends(IReadOnlyList<BudgetedScope> scopes)
    {
        var result = new SpendScope[scopes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = scopes[i].Scope;
        }

        return result;
    }

    private static void Add(ref List<BudgetedScope>? scopes, string kind, string id, BudgetState? budget, string label)
    {
        if (budget is { MaxBudget: { } max })
        {
            (scopes ??= []).Add(new BudgetedScope(new SpendScope(kind, id, budget.Spend, budget.BudgetResetAt, budget.BudgetDuration), max, label));
        }
    }
}

/// <summary>A scope with its budget, and how LiteLLM's message names it.</summary>
/// <param name="Scope">The counter.</param>
/// <param name="MaxBudget">The budget in USD.</param>
/// <param name="Label">e.g. <c>Key=&lt;hash&gt;</c>, <c>Team=&lt;id&gt;</c>, <c>Tag=&lt;name&gt;</c>; empty for the global budget.</param>
/// <param name="Message">LiteLLM's own message for this scope when it is not the usual <c>Budget has been exceeded! ...</c>.</param>
public sealed record BudgetedScope(SpendScope Scope, double MaxBudget, string Label, string? Message = null);

