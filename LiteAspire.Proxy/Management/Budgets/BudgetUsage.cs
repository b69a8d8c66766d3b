using LiteAspire.Data;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Budgets;

/// <summary>What uses a budget row: keys, organizations, customers, team and organization memberships, tags.</summary>
/// <param name="Keys">Tokens (SHA-256) of keys with this <c>budget_id</c>.</param>
/// <param name="Organizations">Organization ids.</param>
/// <param name="Customers">End user ids.</param>
/// <param name="TeamMemberships">Team memberships, as <c>team_id:user_id</c>.</param>
/// <param name="OrganizationMemberships">Organization memberships, as <c>organization_id:user_id</c>.</param>
/// <param name="Tags">Tag names.</param>
public sealed record BudgetUsage(IReadOnlyList<string> Keys, IReadOnlyList<string> Organizations, IReadOnlyList<string> Customers,
    IReadOnlyList<string> TeamMemberships, IReadOnlyList<string> OrganizationMemberships, IReadOnlyList<string> Tags)
{
    /// <summary>True when nothing uses the budget.</summary>
    public bool IsEmpty => Keys.Count == 0 && Organizations.Count == 0 && Customers.Count == 0 && TeamMemberships.Count == 0
        && OrganizationMemberships.Count == 0 && Tags.Count == 0;

    /// <summary>True when a key's auth (cached in <see cref="ApiKeyCache"/>) depends on the budget.</summary>
    public bool AffectsKeys => Keys.Count > 0 || Organizations.Count > 0 || TeamMemberships.Count > 0 || OrganizationMemberships.Count > 0;

    /// <summary>Reads who uses <paramref name="budgetId"/>.</summary>
    public static async Task<BudgetUsage> OfAsync(LiteLLMDbContext db, string budgetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new BudgetUsage(
            await db.VerificationTokens.Where(k => k.BudgetId == budgetId).Select(k => k.Token).ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.Organizations.Where(o => o.BudgetId == budgetId).Select(o => o.OrganizationId).ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.EndUsers.Where(e => e.BudgetId == budgetId).Select(e => e.UserId).ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.TeamMemberships.Where(m => m.BudgetId == budgetId).Select(m => m.TeamId + ":" + m.UserId).ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.OrganizationMemberships.Where(m => m.BudgetId == budgetId).Select(m => m.OrganizationId + ":" + m.UserId)
                .ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.Tags.Where(t => t.BudgetId == budgetId).Select(t => t.TagName).ToListAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Makes every replica re-read what depends on the budget after a change to it.</summary>
    public async Task InvalidateAsync(ApiKeyCache keys, EndUserLookup endUsers)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(endUsers);
        if (Customers.Count > 0)
        {
            await endUsers.InvalidateAsync(Customers).ConfigureAwait(false);
        }

        // Keys reach a budget through their own row, their organization or their memberships: too many paths to list cheaply.
        if (AffectsKeys)
        {
            await keys.InvalidateAllAsync().ConfigureAwait(false);
        }
    }

    /// <summary>LiteLLM-style description for a refusal: <c>keys [..], customers [..]</c> (at most ten of each).</summary>
    public string Describe()
    {
        var parts = new List<string>();
        Add(parts, "keys", Keys);
        Add(parts, "organizations", Organizations);
        Add(parts, "customers", Customers);
        Add(parts, "team memberships", TeamMemberships);
        Add(parts, "organization memberships", OrganizationMemberships);
        Add(parts, "tags", Tags);
        return string.Join("; ", parts);
    }

    private static void Add(List<string> parts, string what, IReadOnlyList<string> ids)
    {
        if (ids.Count > 0)
        {
            var shown = string.Join(", ", ids.Take(10));
            parts.Add(ids.Count > 10 ? $"{what} [{shown}, ... {ids.Count - 10} more]" : $"{what} [{shown}]");
        }
    }
}
