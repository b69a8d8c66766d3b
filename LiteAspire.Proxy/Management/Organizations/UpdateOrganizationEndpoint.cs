using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Management.Teams;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>
/// <c>POST|PATCH /organization/update</c> (proxy admins): the fields sent change, budget fields on the organization's budget
/// row (shared rows change for every organization using them). Keys of the organization and its teams see it at once.
/// </summary>
internal static class UpdateOrganizationEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "update organizations");
        var body = await SentBody.ReadAsync<UpdateOrganizationRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var request = body.Value;
        var organizationId = request.OrganizationId
            ?? throw ManagementErrors.BadRequest("'organization_id' is required.", "organization_id");
        OrganizationSettingsWriter.Validate(body);
        ManagementErrors.RequireNonNegative(request.Spend, "spend");
        if (body.Has("budget_id") && request.BudgetId is null)
        {
            throw ManagementErrors.BadRequest("Invalid value for 'budget_id': an organization always has a budget.", "budget_id");
        }

        var db = ManagementDb.Of(context);
        var organization = await OrganizationAccess.FindAsync(db, organizationId, "organization_id", cancellationToken).ConfigureAwait(false);
        if (request.BudgetId is { } budgetId && !await db.Budgets.AnyAsync(b => b.BudgetId == budgetId, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest($"Budget not found for budget_id={budgetId}", "budget_id");
        }

        var now = ManagementClock.Now(context);
        var author = ManagementClock.Author(caller);
        var reached = new List<string> { organizationId };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        OrganizationSettingsWriter.ApplyOrganization(organization, body, author, now);
        if (request.BudgetId is { } newBudgetId)
        {
            organization.BudgetId = newBudgetId;
        }
        else if (OrganizationSettingsWriter.HasBudgetFields(body))
        {
            var budget = await db.Budgets.FirstAsync(b => b.BudgetId == organization.BudgetId, cancellationToken).ConfigureAwait(false);
            OrganizationSettingsWriter.ApplyBudget(budget, body, author, now);
            reached.AddRange(await db.Organizations.AsNoTracking().Where(o => o.BudgetId == budget.BudgetId && o.OrganizationId != organizationId)
                .Select(o => o.OrganizationId).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        if (body.Has("spend"))
        {
            organization.Spend = request.Spend ?? 0;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        if (body.Has("spend") && context.RequestServices.GetService<ILiveSpend>() is { } liveSpend)
        {
            await liveSpend.ForgetAsync([new SpendScope("organization", organizationId, 0, null, null).CounterKey]).ConfigureAwait(false);
        }

        await AffectedKeys.InvalidateAsync(context, await AffectedKeys.OfOrganizationsAsync(db, reached, cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        var details = await OrganizationDetails.LoadAsync(db, [organization], cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(details[0]);
    }
}
