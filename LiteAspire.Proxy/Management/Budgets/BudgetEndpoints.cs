namespace LiteAspire.Proxy.Management.Budgets;

/// <summary>LiteLLM's budget management (<c>/budget/*</c>): rows of <c>LiteLLM_BudgetTable</c> shared by keys, organizations, customers and memberships.</summary>
public static class BudgetEndpoints
{
    /// <summary>Maps the budget routes.</summary>
    public static RouteGroupBuilder MapBudgetEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/budget/new", NewBudget.HandleAsync);
        group.MapPost("/budget/update", UpdateBudget.HandleAsync);
        group.MapPost("/budget/info", BudgetInfo.InfoAsync);
        group.MapGet("/budget/settings", BudgetInfo.SettingsAsync);
        group.MapGet("/budget/list", BudgetInfo.ListAsync);
        group.MapPost("/budget/delete", DeleteBudget.HandleAsync);
        return group;
    }
}
