using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Management.Teams;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Organizations;

/// <summary>Organizations with their budget, memberships and teams, as info, list, update and delete return them.</summary>
internal static class OrganizationDetails
{
    public static async Task<List<JsonObject>> LoadAsync(LiteLLMDbContext db, IReadOnlyList<OrganizationTable> organizations,
        CancellationToken cancellationToken)
    {
        var ids = organizations.Select(o => o.OrganizationId).ToList();
        var budgetIds = organizations.Select(o => o.BudgetId).ToList();
        var budgets = await db.Budgets.AsNoTracking().Where(b => budgetIds.Contains(b.BudgetId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var members = await db.OrganizationMemberships.AsNoTracking().Include(m => m.Budget).Where(m => ids.Contains(m.OrganizationId))
            .OrderBy(m => m.UserId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var teams = await db.Teams.AsNoTracking().Where(t => t.OrganizationId != null && ids.Contains(t.OrganizationId))
            .OrderBy(t => t.TeamAlias).ToListAsync(cancellationToken).ConfigureAwait(false);
        return organizations.Select(o => OrganizationView.From(o).WithMembers(
            budgets.Find(b => b.BudgetId == o.BudgetId),
            members.FindAll(m => m.OrganizationId == o.OrganizationId).ConvertAll(m => OrganizationMembershipView.From(m)),
            teams.FindAll(t => t.OrganizationId == o.OrganizationId).ConvertAll(TeamView.From))).ToList();
    }
}
