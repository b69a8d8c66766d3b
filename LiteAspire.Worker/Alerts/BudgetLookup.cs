using LiteAspire.Data;
using LiteAspire.Data.Spend;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Worker.Alerts;

/// <summary>
/// The budget a raised counter is measured against, and who it belongs to: a key's, user's or team's own columns, or the
/// <c>LiteLLM_BudgetTable</c> row of a key, team member, organization, customer or tag.
/// </summary>
/// <param name="MaxBudget">The hard budget, or null.</param>
/// <param name="SoftBudget">The soft budget, or null.</param>
/// <param name="PeriodEnd">When the period ends (UTC), or null when it never resets.</param>
/// <param name="Alert">The alert's identifying fields (event fields are filled in when it is raised).</param>
public sealed record EntityBudget(double? MaxBudget, double? SoftBudget, DateTime? PeriodEnd, BudgetAlert Alert)
{
    /// <summary>Finds the budget of <paramref name="change"/>'s counter; null when the row is gone.</summary>
    public static async Task<EntityBudget?> FindAsync(LiteLLMDbContext db, CounterChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var id = change.Id;
        switch (change.Entity)
        {
            case SpendEntity.Key:
                var key = await db.VerificationTokens.AsNoTracking().Where(k => k.Token == id)
                    .Select(k => new { k.MaxBudget, k.BudgetResetAt, k.KeyAlias, k.UserId, k.TeamId, k.OrganizationId, k.Budget })
                    .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return key is null ? null : new EntityBudget(key.MaxBudget ?? key.Budget?.MaxBudget, key.Budget?.SoftBudget,
                    key.BudgetResetAt ?? key.Budget?.BudgetResetAt,
                    Identity("key", "Key Budget: ") with { Token = id, KeyAlias = key.KeyAlias, UserId = key.UserId, TeamId = key.TeamId, OrganizationId = key.OrganizationId });
            case SpendEntity.User:
                var user = await db.Users.AsNoTracking().Where(u => u.UserId == id)
                    .Select(u => new { u.MaxBudget, u.BudgetResetAt, u.UserEmail })
                    .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return user is null ? null : id == ProxyBudgetRow.UserId
                    ? new EntityBudget(user.MaxBudget, null, user.BudgetResetAt, Identity("proxy", "Proxy Budget: "))
                    : new EntityBudget(user.MaxBudget, null, user.BudgetResetAt, Identity("user", "User Budget: ") with { UserId = id, UserEmail = user.UserEmail });
            case SpendEntity.Team:
                var team = await db.Teams.AsNoTracking().Where(t => t.TeamId == id)
                    .Select(t => new { t.MaxBudget, t.SoftBudget, t.BudgetResetAt, t.TeamAlias, t.OrganizationId })
                    .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return team is null ? null : new EntityBudget(team.MaxBudget, team.SoftBudget, team.BudgetResetAt,
                    Identity("team", "Team Budget: ") with { TeamId = id, TeamAlias = team.TeamAlias, OrganizationId = team.OrganizationId });
            case SpendEntity.TeamMember:
                var split = id.IndexOf('\n', StringComparison.Ordinal);
                if (split < 0)
                {
                    return null;
                }

                var (teamId, userId) = (id[..split], id[(split + 1)..]);
                var member = await db.TeamMemberships.AsNoTracking().Where(m => m.TeamId == teamId && m.UserId == userId)
                    .Select(m => m.Budget).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return member is null ? null : new EntityBudget(member.MaxBudget, member.SoftBudget, member.BudgetResetAt,
                    Identity("team_member", "Team Member Budget: ") with { TeamId = teamId, UserId = userId });
            case SpendEntity.Organization:
                var organization = await db.Organizations.AsNoTracking().Where(o => o.OrganizationId == id).Select(o => o.Budget)
                    .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return organization is null ? null : new EntityBudget(organization.MaxBudget, organization.SoftBudget, organization.BudgetResetAt,
                    Identity("organization", "Organization Budget: ") with { OrganizationId = id });
            case SpendEntity.EndUser:
                var customer = await db.EndUsers.AsNoTracking().Where(u => u.UserId == id).Select(u => u.Budget)
                    .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return customer is null ? null : new EntityBudget(customer.MaxBudget, customer.SoftBudget, customer.BudgetResetAt,
                    Identity("end_user", "Customer Budget: ") with { CustomerId = id });
            case SpendEntity.Tag:
                var tag = await db.Tags.AsNoTracking().Where(t => t.TagName == id).Select(t => t.Budget)
                    .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return tag is null ? null : new EntityBudget(tag.MaxBudget, tag.SoftBudget, tag.BudgetResetAt,
                    Identity("tag", "Tag Budget: ") with { Tag = id });
            default:
                return null;
        }
    }

    // EventMessage holds the group's prefix until the crossing is known.
    private static BudgetAlert Identity(string group, string prefix) =>
        new() { Event = "", EventGroup = group, EventMessage = prefix, Spend = 0 };
}
