using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Teams;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>
/// <c>POST /organization/new</c> (proxy admins): every organization has a budget row, an existing one named by
/// <c>budget_id</c> or one created from the budget fields.
/// </summary>
internal static class NewOrganizationEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "create organizations");
        var body = await SentBody.ReadAsync<NewOrganizationRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var request = body.Value;
        if (string.IsNullOrWhiteSpace(request.OrganizationAlias))
        {
            throw ManagementErrors.BadRequest("'organization_alias' is required.", "organization_alias");
        }

        OrganizationSettingsWriter.Validate(body);
        var db = ManagementDb.Of(context);
        var organizationId = request.OrganizationId ?? Guid.NewGuid().ToString();
        var conflict = $"Organization id = {organizationId} already exists. Please use a different organization id.";
        if (await db.Organizations.AnyAsync(o => o.OrganizationId == organizationId, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest(conflict, "organization_id");
        }

        if (request.BudgetId is { } budgetId && !await db.Budgets.AnyAsync(b => b.BudgetId == budgetId, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest($"Budget not found for budget_id={budgetId}", "budget_id");
        }

        var now = ManagementClock.Now(context);
        var author = ManagementClock.Author(caller);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var organizationBudgetId = request.BudgetId;
        if (organizationBudgetId is null)
        {
            var budget = new BudgetTable { BudgetId = Guid.NewGuid().ToString(), CreatedAt = now, CreatedBy = author };
            OrganizationSettingsWriter.ApplyBudget(budget, body, author, now);
            db.Budgets.Add(budget);
            organizationBudgetId = budget.BudgetId;
        }

        var organization = new OrganizationTable
        {
            OrganizationId = organizationId,
            OrganizationAlias = request.OrganizationAlias,
            BudgetId = organizationBudgetId,
            CreatedAt = now,
            CreatedBy = author,
        };
        OrganizationSettingsWriter.ApplyOrganization(organization, body, author, now);
        db.Organizations.Add(organization);
        await DbWrites.SaveAsync(db, conflict, "organization_id", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(OrganizationView.From(organization));
    }
}
