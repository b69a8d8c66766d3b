using System.Linq.Expressions;

using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Spend;

/// <summary>
/// The counters of a spend batch — keys, users (and the global budget's <see cref="ProxyBudgetRow.UserId"/> row), teams,
/// team memberships, organizations, end users, tags — inside the batch's transaction. Every increment is a single atomic
/// <c>spend = spend + x</c> (no read-modify-write, so writers on the same rows lose nothing), rows are touched in a fixed
/// order (table, then id) so concurrent writers never deadlock, and a key, user or team whose budget period has ended is
/// first reset to zero with its next <c>budget_reset_at</c>.
/// </summary>
internal static class SpendCounterWriter
{
    /// <summary>Adds the spend of <paramref name="events"/> at <paramref name="now"/> (UTC) and returns each counter's change.</summary>
    public static async Task<List<CounterChange>> AddAsync(LiteLLMDbContext db, IReadOnlyList<SpendEvent> events, DateTime now,
        CancellationToken cancellationToken)
    {
        var changes = new List<CounterChange>();
        if (!events.Any(e => e.Spend > 0))
        {
            return changes;
        }

        var keys = Sum(events, e => e.ApiKey);
        await ResetAndAddAsync(db.VerificationTokens, k => k.Token, keys, now, cancellationToken).ConfigureAwait(false);
        var users = SumMany(events, UsersOf);
        await ResetAndAddAsync(db.Users, u => u.UserId, users, now, cancellationToken).ConfigureAwait(false);
        var teams = Sum(events, e => e.TeamId);
        await ResetAndAddAsync(db.Teams, t => t.TeamId, teams, now, cancellationToken).ConfigureAwait(false);
        var members = Sum(events, e => e.TeamId is null || e.UserId is null ? null : $"{e.TeamId}\n{e.UserId}");
        foreach (var (member, amount) in members)
        {
            var (teamId, userId) = SplitMember(member);
            await db.TeamMemberships.Where(m => m.TeamId == teamId && m.UserId == userId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Spend, m => m.Spend + amount)
                    .SetProperty(m => m.TotalSpend, m => m.TotalSpend + amount), cancellationToken).ConfigureAwait(false);
        }

        var organizations = Sum(events, e => e.OrganizationId);
        await AddAsync(db.Organizations, o => o.OrganizationId, organizations, cancellationToken).ConfigureAwait(false);
        var endUsers = Sum(events, e => e.EndUser);
        await AddAsync(db.EndUsers, u => u.UserId, endUsers, cancellationToken).ConfigureAwait(false);
        var tags = SumMany(events, e => e.Tags);
        await TagSpendWriter.ResetAndAddAsync(db, tags, now, cancellationToken).ConfigureAwait(false);

        // Read back inside the transaction: the rows are ours until commit, so before = after - amount exactly.
        await ReadChangesAsync(changes, SpendEntity.Key, db.VerificationTokens, k => k.Token, keys, cancellationToken).ConfigureAwait(false);
        await ReadChangesAsync(changes, SpendEntity.User, db.Users, u => u.UserId, users, cancellationToken).ConfigureAwait(false);
        await ReadChangesAsync(changes, SpendEntity.Team, db.Teams, t => t.TeamId, teams, cancellationToken).ConfigureAwait(false);
        if (members.Count > 0)
        {
            var memberTeams = members.Keys.Select(m => SplitMember(m).TeamId).Distinct().ToList();
            var memberSpend = await db.TeamMemberships.AsNoTracking().Where(m => memberTeams.Contains(m.TeamId))
                .Select(m => new { m.TeamId, m.UserId, m.Spend }).ToListAsync(cancellationToken).ConfigureAwait(false);
            Changes(changes, SpendEntity.TeamMember, members, memberSpend.ToDictionary(m => $"{m.TeamId}\n{m.UserId}", m => m.Spend, StringComparer.Ordinal));
        }

        await ReadChangesAsync(changes, SpendEntity.Organization, db.Organizations, o => o.OrganizationId, organizations, cancellationToken).ConfigureAwait(false);
        await ReadChangesAsync(changes, SpendEntity.EndUser, db.EndUsers, u => u.UserId, endUsers, cancellationToken).ConfigureAwait(false);
        await ReadChangesAsync(changes, SpendEntity.Tag, db.Tags, t => t.TagName, tags, cancellationToken).ConfigureAwait(false);
        return changes;
    }

    /// <summary>Adds each of <paramref name="sums"/> to its row's spend (a row that does not exist is left out), in id order.</summary>
    internal static async Task AddAsync<T>(DbSet<T> rows, Expression<Func<T, string>> idOf, SortedDictionary<string, double> sums,
        CancellationToken cancellationToken)
        where T : class, ISpendCounter
    {
        foreach (var (id, amount) in sums)
        {
            await rows.Where(RowIdFilter.Is(idOf, id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Spend, r => r.Spend + amount), cancellationToken).ConfigureAwait(false);
        }
    }

    private static (string TeamId, string UserId) SplitMember(string member)
    {
        var newline = member.IndexOf('\n', StringComparison.Ordinal);
        return (member[..newline], member[(newline + 1)..]);
    }

    private static async Task ReadChangesAsync<T>(List<CounterChange> changes, SpendEntity entity, IQueryable<T> rows,
        Expression<Func<T, string>> idOf, SortedDictionary<string, double> sums, CancellationToken cancellationToken)
        where T : class, ISpendCounter
    {
        if (sums.Count == 0)
        {
            return;
        }

        // r => new Counter { Id = <idOf>(r), Spend = r.Spend }: only the two columns.
        var row = idOf.Parameters[0];
        var counter = Expression.Lambda<Func<T, Counter>>(
            Expression.MemberInit(Expression.New(typeof(Counter)),
                Expression.Bind(typeof(Counter).GetProperty(nameof(Counter.Id))!, idOf.Body),
                Expression.Bind(typeof(Counter).GetProperty(nameof(Counter.Spend))!, Expression.Property(row, typeof(ISpendCounter).GetProperty(nameof(ISpendCounter.Spend))!))),
            row);
        var read = await rows.AsNoTracking().Where(RowIdFilter.In(idOf, sums.Keys.ToList())).Select(counter).ToListAsync(cancellationToken).ConfigureAwait(false);
        Changes(changes, entity, sums, read.ToDictionary(r => r.Id, r => r.Spend, StringComparer.Ordinal));
    }

    // Rows that do not exist (a key deleted meanwhile, a tag without a row) raised nothing.
    private static void Changes(List<CounterChange> changes, SpendEntity entity, SortedDictionary<string, double> sums, Dictionary<string, double> after)
    {
        foreach (var (id, amount) in sums)
        {
            if (after.TryGetValue(id, out var spend))
            {
                changes.Add(new CounterChange(entity, id, spend - amount, spend));
            }
        }
    }

    private static IEnumerable<string> UsersOf(SpendEvent spendEvent)
    {
        if (spendEvent.UserId is { } user)
        {
            yield return user;
        }

        if (spendEvent.CountsTowardsProxyBudget)
        {
            yield return ProxyBudgetRow.UserId;
        }
    }

    // Sorted by id: every writer locks rows in the same order.
    private static SortedDictionary<string, double> Sum(IEnumerable<SpendEvent> events, Func<SpendEvent, string?> idOf) =>
        SumMany(events, e => idOf(e) is { } id ? [id] : []);

    // An event can count towards several rows of one table (a user and the proxy budget; several tags), each once.
    private static SortedDictionary<string, double> SumMany(IEnumerable<SpendEvent> events, Func<SpendEvent, IEnumerable<string>> idsOf)
    {
        var sums = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var spendEvent in events)
        {
            if (spendEvent.Spend <= 0)
            {
                continue;
            }

            foreach (var id in idsOf(spendEvent).Distinct(StringComparer.Ordinal))
            {
                sums[id] = sums.GetValueOrDefault(id) + spendEvent.Spend;
            }
        }

        return sums;
    }

    private static async Task ResetAndAddAsync<T>(DbSet<T> rows, Expression<Func<T, string>> idOf, SortedDictionary<string, double> sums,
        DateTime now, CancellationToken cancellationToken)
        where T : class, IBudgetPeriod
    {
        if (sums.Count == 0)
        {
            return;
        }

        await BudgetPeriodReset.ResetDueAsync(rows, idOf, sums.Keys.ToList(), BudgetCalendar.Default, now, cancellationToken).ConfigureAwait(false);
        await AddAsync(rows, idOf, sums, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Counter
    {
        public required string Id { get; init; }

        public double Spend { get; init; }
    }
}
