using LiteAspire.Data;
using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;
using LiteAspire.Data.Spend;
using LiteAspire.Data.Tests.Support;
using LiteAspire.Worker.Budgets;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Worker.Tests.Budgets;

[Collection(SharedPostgres.Name)]
public sealed class BudgetResetterTests(PostgresFixture postgres)
{
    // A Wednesday, mid-month.
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime NextMidnight = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task DueRows_StartANewPeriodAtZero_OthersUntouched()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            var budget = new BudgetTable { BudgetId = $"b-{id}", MaxBudget = 5, BudgetDuration = "30d", BudgetResetAt = Now.AddMinutes(-1) };
            var futureBudget = new BudgetTable { BudgetId = $"fb-{id}", MaxBudget = 5, BudgetDuration = "1d", BudgetResetAt = Now.AddHours(1) };
            db.Budgets.AddRange(budget, futureBudget);
            db.VerificationTokens.AddRange(
                Key($"due-{id}", 3, "1d", Now.AddSeconds(-1)),
                Key($"future-{id}", 3, "1d", Now.AddSeconds(1)),
                Key($"linked-{id}", 2, null, null, budget.BudgetId));
            db.Users.AddRange(new UserTable { UserId = $"u-{id}", Spend = 4, BudgetDuration = "7d", BudgetResetAt = Now.AddDays(-3) });
            db.Teams.AddRange(new TeamTable { TeamId = $"t-{id}", Spend = 6, BudgetDuration = "1mo", BudgetResetAt = Now.AddDays(-1), CreatedAt = Now, UpdatedAt = Now });
            db.TeamMemberships.Add(new TeamMembership { TeamId = $"t-{id}", UserId = $"u-{id}", Spend = 1.5, TotalSpend = 9, BudgetId = budget.BudgetId });
            db.EndUsers.AddRange(new EndUserTable { UserId = $"c-{id}", Spend = 2, BudgetId = budget.BudgetId },
                new EndUserTable { UserId = $"fc-{id}", Spend = 2, BudgetId = futureBudget.BudgetId });
            db.Tags.Add(new TagTable { TagName = $"tag-{id}", Spend = 2.5, BudgetId = budget.BudgetId, CreatedAt = Now, UpdatedAt = Now });
            db.Organizations.Add(new OrganizationTable { OrganizationId = $"o-{id}", OrganizationAlias = "o", BudgetId = budget.BudgetId, Spend = 7 });
            await db.SaveChangesAsync();
        }

        IReadOnlyList<string> counters;
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            counters = await BudgetResetter.ResetDueAsync(db, BudgetCalendar.Utc, Now, CancellationToken.None);
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        var due = await read.VerificationTokens.SingleAsync(k => k.Token == $"due-{id}");
        Assert.Equal((0d, NextMidnight), (due.Spend, due.BudgetResetAt!.Value));
        Assert.Equal(3, (await read.VerificationTokens.SingleAsync(k => k.Token == $"future-{id}")).Spend);
        Assert.Equal(0, (await read.VerificationTokens.SingleAsync(k => k.Token == $"linked-{id}")).Spend);
        var user = await read.Users.SingleAsync(u => u.UserId == $"u-{id}");
        Assert.Equal((0d, new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)), (user.Spend, user.BudgetResetAt!.Value));
        var team = await read.Teams.SingleAsync(t => t.TeamId == $"t-{id}");
        Assert.Equal((0d, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)), (team.Spend, team.BudgetResetAt!.Value));
        var member = await read.TeamMemberships.SingleAsync(m => m.TeamId == $"t-{id}");
        Assert.Equal((0d, 9d), (member.Spend, member.TotalSpend));
        Assert.Equal(0, (await read.EndUsers.SingleAsync(u => u.UserId == $"c-{id}")).Spend);
        Assert.Equal(2, (await read.EndUsers.SingleAsync(u => u.UserId == $"fc-{id}")).Spend);
        Assert.Equal(0, (await read.Tags.SingleAsync(t => t.TagName == $"tag-{id}")).Spend);
        Assert.Equal(0, (await read.Organizations.SingleAsync(o => o.OrganizationId == $"o-{id}")).Spend);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), (await read.Budgets.SingleAsync(b => b.BudgetId == $"b-{id}")).BudgetResetAt);

        Assert.Contains(SpendCounterKeys.For(SpendCounterKeys.Key, $"due-{id}"), counters);
        Assert.Contains(SpendCounterKeys.For(SpendCounterKeys.Key, $"linked-{id}"), counters);
        Assert.Contains(SpendCounterKeys.For(SpendCounterKeys.User, $"u-{id}"), counters);
        Assert.Contains(SpendCounterKeys.For(SpendCounterKeys.Team, $"t-{id}"), counters);
        Assert.Contains(SpendCounterKeys.For(SpendCounterKeys.TeamMember, SpendCounterKeys.TeamMemberId($"t-{id}", $"u-{id}")), counters);
        Assert.Contains(SpendCounterKeys.For(SpendCounterKeys.EndUser, $"c-{id}"), counters);
        Assert.Contains(SpendCounterKeys.For(SpendCounterKeys.Tag, $"tag-{id}"), counters);
        Assert.Contains(SpendCounterKeys.For(SpendCounterKeys.Organization, $"o-{id}"), counters);
        Assert.DoesNotContain(SpendCounterKeys.For(SpendCounterKeys.Key, $"future-{id}"), counters);
    }

    [Fact]
    public async Task ManyWorkersAtOnce_EachPeriodIsResetOnce()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var tokens = Enumerable.Range(0, 20).Select(i => $"race-{id}-{i:00}").ToList();
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            db.VerificationTokens.AddRange(tokens.Select(t => Key(t, 1, "1d", Now.AddMinutes(-5))));
            db.Budgets.Add(new BudgetTable { BudgetId = $"rb-{id}", BudgetDuration = "1d", BudgetResetAt = Now.AddMinutes(-5) });
            db.EndUsers.Add(new EndUserTable { UserId = $"rc-{id}", Spend = 1, BudgetId = $"rb-{id}" });
            await db.SaveChangesAsync();
        }

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = PostgresFixture.CreateContext(postgres.MigratedDatabase);
            return await BudgetResetter.ResetDueAsync(db, BudgetCalendar.Utc, Now, CancellationToken.None);
        }));
        var results = await Task.WhenAll(workers);

        var all = results.SelectMany(r => r).Where(c => c.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Equal(tokens.Count + 1, all.Count);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task SpendOfTheNewPeriod_IsNotZeroedByALateOrSecondReset()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var (token, team) = ($"fresh-{id}", $"ft-{id}");
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            db.Teams.Add(new TeamTable { TeamId = team, Spend = 9, BudgetDuration = "1d", BudgetResetAt = Now.AddMinutes(-1), CreatedAt = Now, UpdatedAt = Now });
            db.VerificationTokens.Add(Key(token, 9, "1d", Now.AddMinutes(-1), teamId: team));
            await db.SaveChangesAsync();
        }

        // One Worker resets; the new period's spend arrives; a second Worker that read the same due rows resets late.
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            await BudgetResetter.ResetDueAsync(db, BudgetCalendar.Utc, Now, CancellationToken.None);
            await SpendBatchWriter.ApplyAsync(db, [Event(token, team, 0.5)], Now, CancellationToken.None);
            Assert.DoesNotContain(await BudgetResetter.ResetDueAsync(db, BudgetCalendar.Utc, Now, CancellationToken.None), c => c.Contains(id, StringComparison.Ordinal));
        }

        // And when the spend writer starts the period itself before the job runs, the job leaves it alone.
        var (token2, team2) = ($"fresh2-{id}", $"ft2-{id}");
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            db.Teams.Add(new TeamTable { TeamId = team2, Spend = 9, BudgetDuration = "1d", BudgetResetAt = Now.AddMinutes(-1), CreatedAt = Now, UpdatedAt = Now });
            db.VerificationTokens.Add(Key(token2, 9, "1d", Now.AddMinutes(-1), teamId: team2));
            await db.SaveChangesAsync();
            await SpendBatchWriter.ApplyAsync(db, [Event(token2, team2, 0.5)], Now, CancellationToken.None);
            await BudgetResetter.ResetDueAsync(db, BudgetCalendar.Utc, Now, CancellationToken.None);
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        foreach (var (k, t) in new[] { (token, team), (token2, team2) })
        {
            Assert.Equal(0.5, (await read.VerificationTokens.SingleAsync(r => r.Token == k)).Spend, 9);
            Assert.Equal(0.5, (await read.Teams.SingleAsync(r => r.TeamId == t)).Spend, 9);
        }
    }

    [Fact]
    public async Task ATimeZone_MovesPeriodsToItsMidnight()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            db.VerificationTokens.Add(Key($"tz-{id}", 1, "1d", Now.AddMinutes(-1)));
            await db.SaveChangesAsync();
            var tokyo = new BudgetCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
            await BudgetResetter.ResetDueAsync(db, tokyo, Now, CancellationToken.None);
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        // 12:00Z is 21:00 in Tokyo: the next midnight there is 15:00Z.
        Assert.Equal(new DateTime(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc), (await read.VerificationTokens.SingleAsync(k => k.Token == $"tz-{id}")).BudgetResetAt);
    }

    internal static VerificationToken Key(string token, double spend, string? duration, DateTime? resetAt, string? budgetId = null, string? teamId = null) => new()
    {
        Token = token, Spend = spend, BudgetDuration = duration, BudgetResetAt = resetAt, BudgetId = budgetId, TeamId = teamId, CreatedAt = Now, UpdatedAt = Now,
    };

    private static SpendEvent Event(string token, string team, double spend) => new()
    {
        RequestId = Guid.NewGuid().ToString(), ApiKey = token, TeamId = team, Spend = spend, StartTime = Now, EndTime = Now,
    };
}
