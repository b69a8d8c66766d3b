using System.Text.Json;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Management.Budgets;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Tags;

/// <summary>Validation of a tag request and how its budget lands: an existing <c>budget_id</c>, or budget fields on the tag's own budget row.</summary>
public static class TagRules
{
    /// <summary>The request's tag name; 400 when it is missing, blank or has a comma (the <c>x-litellm-tags</c> separator).</summary>
    public static string RequireName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ManagementErrors.BadRequest("name is required: the tag's name.", "name");
        }

        if (name.Contains(',', StringComparison.Ordinal) || name.Trim() != name)
        {
            throw ManagementErrors.BadRequest($"Invalid value for 'name': '{name}' must not contain commas or surrounding spaces (x-litellm-tags is comma-separated).", "name");
        }

        return name;
    }

    /// <summary>400 for bad budget fields, or budget fields given together with a <c>budget_id</c>.</summary>
    public static void Validate(TagRequest body)
    {
        ArgumentNullException.ThrowIfNull(body);
        BudgetRules.Validate(body);
        if (body.BudgetId is not { } id)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'budget_id': must not be empty.", "budget_id");
        }

        if (BudgetRules.FirstGiven(body) is { } field)
        {
            throw ManagementErrors.BadRequest($"Give either budget_id or budget fields such as '{field}', not both.", field);
        }
    }

    /// <summary>
    /// Points <paramref name="tag"/> at its budget: the existing <c>budget_id</c> given (404 when there is none), or its own
    /// budget row (created when missing) holding the budget fields given. Nothing when neither is given.
    /// </summary>
    public static async Task ApplyBudgetAsync(LiteLLMDbContext db, TagTable tag, TagRequest body, AuditStamp stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(body);
        if (body.BudgetId is { } id)
        {
            tag.Budget = await db.Budgets.FirstOrDefaultAsync(b => b.BudgetId == id, cancellationToken).ConfigureAwait(false)
                ?? throw ManagementErrors.NotFound($"Budget id={id} does not exist.", "budget_id");
            tag.BudgetId = id;
            return;
        }

        if (BudgetRules.FirstGiven(body) is null)
        {
            return;
        }

        var budget = tag.BudgetId is null ? null : await db.Budgets.FirstOrDefaultAsync(b => b.BudgetId == tag.BudgetId, cancellationToken).ConfigureAwait(false);
        if (budget is null)
        {
            budget = BudgetRules.Create(Guid.NewGuid().ToString(), body, stamp);
            db.Budgets.Add(budget);
        }
        else
        {
            BudgetRules.Apply(budget, body, stamp);
        }

        tag.Budget = budget;
        tag.BudgetId = budget.BudgetId;
    }

    /// <summary>Copies name-independent fields (description, models, model_info) given in <paramref name="body"/>.</summary>
    public static void ApplyFields(TagTable tag, TagRequest body, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(body);
        tag.Description = body.Description ?? tag.Description;
        tag.Models = body.Models ?? tag.Models;
        tag.ModelInfo = body.ModelInfo is null ? tag.ModelInfo : JsonSerializer.Serialize(body.ModelInfo);
        tag.UpdatedAt = now;
    }

    /// <summary>404 in LiteLLM's words.</summary>
    public static GatewayException NotFound(string name) => ManagementErrors.NotFound($"Tag {name} not found", "name");
}
