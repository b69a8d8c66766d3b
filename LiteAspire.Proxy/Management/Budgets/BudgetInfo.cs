using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary>Reading budgets: <c>POST /budget/info</c>, <c>GET /budget/settings</c>, <c>GET /budget/list</c> (proxy admins and viewers).</summary>
public static class BudgetInfo
{
    // BudgetNewRequest's fields the Admin UI edits, in LiteLLM's order, with their types and descriptions.
    private static readonly (string Name, string Type, string Description)[] s_settings =
    [
        ("max_budget", "Float", "Requests will fail if this budget (in USD) is exceeded."),
        ("soft_budget", "Float", "Requests will NOT fail if this is exceeded. Will fire alerting though."),
        ("max_parallel_requests", "Integer", "Max concurrent requests allowed for this budget id."),
        ("tpm_limit", "Integer", "Max tokens per minute, allowed for this budget id."),
        ("rpm_limit", "Integer", "Max requests per minute, allowed for this budget id."),
        ("model_max_budget", "Object", "Max budget for each model (e.g. {'gpt-4o': {'max_budget': 0.0001, 'budget_duration': '1d'}})."),
        ("budget_duration", "String", "Max duration budget should be set for (e.g. '1hr', '1d', '28d')."),
    ];

    /// <summary><c>POST /budget/info</c> (<c>{"budgets": [ids]}</c>): the rows found, as a list.</summary>
    public static async Task<IResult> InfoAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagementAccess.RequireReadAll(Caller.Of(context), "read budgets");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<BudgetInfoRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        if (body.Budgets is not { Count: > 0 } ids)
        {
            throw ManagementErrors.BadRequest("Specify list of budget id's to query. Passed in=[]", "budgets");
        }

        var rows = await db.Budgets.AsNoTracking().Where(b => ids.Contains(b.BudgetId)).OrderBy(b => b.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(new JsonArray([.. rows.Select(BudgetJson.Of)]));
    }

    /// <summary><c>GET /budget/settings?budget_id=</c>: each editable field with its current value.</summary>
    public static async Task<IResult> SettingsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagementAccess.RequireReadAll(Caller.Of(context), "read budgets");
        var db = ManagementDb.Of(context);
        var id = context.Request.Query["budget_id"].ToString();
        if (string.IsNullOrWhiteSpace(id))
        {
            throw ManagementErrors.BadRequest("budget_id is required.", "budget_id");
        }

        var row = await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.BudgetId == id, cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.NotFound($"Budget id={id} does not exist.", "budget_id");
        var values = BudgetJson.Of(row);
        var settings = new JsonArray();
        foreach (var (name, type, description) in s_settings)
        {
            settings.Add(new JsonObject
            {
                ["field_name"] = name,
                ["field_type"] = type,
                ["field_description"] = description,
                ["field_value"] = values[name]?.DeepClone(),
                ["stored_in_db"] = true,
                ["field_default_value"] = null,
            });
        }

        return ManagementJson.Ok(settings);
    }

    /// <summary><c>GET /budget/list</c>: every budget.</summary>
    public static async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagementAccess.RequireReadAll(Caller.Of(context), "list budgets");
        var db = ManagementDb.Of(context);
        var rows = await db.Budgets.AsNoTracking().OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(new JsonArray([.. rows.Select(BudgetJson.Of)]));
    }
}
