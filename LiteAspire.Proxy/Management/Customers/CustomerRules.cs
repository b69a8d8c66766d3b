using LiteAspire.Data;
using LiteAspire.Proxy.Management.Budgets;
using LiteAspire.Proxy.Routing;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Customers;

/// <summary>What <c>/customer/new</c> and <c>/customer/update</c> refuse, before anything is written.</summary>
public static class CustomerRules
{
    /// <summary>400 for bad budget fields, a budget id given with budget fields, a bad region, spend or default model.</summary>
    public static void Validate(CustomerRequest body, ModelRouter router)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(router);
        BudgetRules.Validate(body);
        ManagementErrors.RequireNonNegative(body.Spend, "spend");
        if (body.BudgetId is not null && BudgetRules.FirstGiven(body) is { } field)
        {
            throw ManagementErrors.BadRequest(
                $"Pass either budget_id (an existing budget) or budget fields such as max_budget, not both (got budget_id and {field}).", field);
        }

        if (body.AllowedModelRegion is not (null or "eu" or "us"))
        {
            throw ManagementErrors.BadRequest($"Invalid value for 'allowed_model_region': '{body.AllowedModelRegion}'. Use 'eu' or 'us'.", "allowed_model_region");
        }

        if (body.DefaultModel is { } model && router.Table.Find(model) is null)
        {
            throw ManagementErrors.BadRequest(
                $"Default Model not on proxy. Configure via `/model/new` or config.yaml. Default_model={model}", "default_model");
        }
    }

    /// <summary>400 when <paramref name="budgetId"/> names no budget.</summary>
    public static async Task RequireBudgetAsync(LiteLLMDbContext db, string? budgetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (budgetId is not null && !await db.Budgets.AnyAsync(b => b.BudgetId == budgetId, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest($"Budget id={budgetId} does not exist. Create it with /budget/new first.", "budget_id");
        }
    }
}
