using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary>LiteLLM's budget management (<c>/budget/*</c>): rows of <c>LiteLLM_BudgetTable</c> shared by keys, organizations, customers and memberships.</summary>
public static class BudgetEndpoints
{
    /// <summary>Maps the budget routes.</summary>
    public static RouteGroupBuilder MapBudgetEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/budget/new", static (HttpContext context, CancellationToken cancellationToken) =>
            NewBudget.HandleAsync(context, cancellationToken));
        group.MapPost("/budget/update", static (HttpContext context, ApiKeyCache keys, EndUserLookup endUsers, TagLookup tags, CancellationToken cancellationToken) =>
            UpdateBudget.HandleAsync(context, keys, endUsers, tags, cancellationToken));
        group.MapPost("/budget/info", static (HttpContext context, CancellationToken cancellationToken) =>
            BudgetInfo.InfoAsync(context, cancellationToken));
        group.MapGet("/budget/settings", static (HttpContext context, CancellationToken cancellationToken) =>
            BudgetInfo.SettingsAsync(context, cancellationToken));
        group.MapGet("/budget/list", static (HttpContext context, CancellationToken cancellationToken) =>
            BudgetInfo.ListAsync(context, cancellationToken));
        group.MapPost("/budget/delete", static (HttpContext context, CancellationToken cancellationToken) =>
            DeleteBudget.HandleAsync(context, cancellationToken));
        return group;
    }
}
