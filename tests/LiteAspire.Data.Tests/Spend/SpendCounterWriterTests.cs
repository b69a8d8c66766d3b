using LiteAspire.Data.Schema;
using LiteAspire.Data.Spend;
using LiteAspire.Data.Tests.Support;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Tests.Spend;

/// <summary>Spend counters on real PostgreSQL: no increment lost between concurrent writers, no deadlock, periods reset once.</summary>
[Collection(SharedPostgres.Name)]
public class SpendCounterWriterTests(PostgresFixture postgres)
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ConcurrentWriters_TouchingTheSameRowsInAnyOrder_LoseNothingAndNeverDeadlock()
    {
        var (keys, team, user) = await SeedAsync(keyCount: 5, budgetResetAt: null);
        // 8 writers × 25 batches, each batch the 5 keys in a shuffled order: every row written by all writers at once.
        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var batch = 0; batch < 25; batch++)
            {
                var events = keys.OrderBy(_ => random.Next()).Select(token => Event(token, team, user, 0.01)).ToList();
                await using var db = PostgresFixture.CreateContext(postgres.MigratedDatabase);
                await SpendCounterWriter.ApplyAsync(db, events, Now, CancellationToken.None);
            }
        }));
        await Task.WhenAll(writers);

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        foreach (var token in keys)
        {
            Assert.Equal(2.0, (await read.VerificationTokens.SingleAsync(k => k.Token == token)).Spend, 6);
        }

        Assert.Equal(10.0, (await read.Teams.SingleAsync(t => t.TeamId == team)).Spend, 6);
        Assert.Equal(10.0, (await read.Users.SingleAsync(u => u.UserId == user)).Spend, 6);
        var membership = await read.TeamMemberships.SingleAsync(m => m.TeamId == team && m.UserId == user);
        Assert.Equal(10.0, membership.Spend, 6);
        Assert.Equal(10.0, membership.TotalSpend, 6);
    }

    [Fact]
    public async Task PeriodOver_ResetsToZeroThenAdds_AndMovesTheResetDateOnByWholePeriods()
    {
        var (keys, team, _) = await SeedAsync(keyCount: 1, budgetResetAt: Now.AddHours(-1), spend: 7.5);

        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            await SpendCounterWriter.ApplyAsync(db, [Event(keys[0], team, null, 0.25)], Now, CancellationToken.None);
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        var key = await read.VerificationTokens.SingleAsync(k => k.Token == keys[0]);
        Assert.Equal(0.25, key.Spend, 6);
        // 1d periods end at midnight (UTC): the next one after now.
        Assert.Equal(new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc), key.BudgetResetAt);
        var teamRow = await read.Teams.SingleAsync(t => t.TeamId == team);
        Assert.Equal(0.25, teamRow.Spend, 6);
    }

    [Fact]
    public async Task TwoWritersSeeingTheSameEndedPeriod_ResetItOnce()
    {
        var (keys, team, _) = await SeedAsync(keyCount: 1, budgetResetAt: Now.AddMinutes(-5), spend: 3);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var db = PostgresFixture.CreateContext(postgres.MigratedDatabase);
            await SpendCounterWriter.ApplyAsync(db, [Event(keys[0], team, null, 1)], Now, CancellationToken.None);
        })));

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        Assert.Equal(2.0, (await read.VerificationTokens.SingleAsync(k => k.Token == keys[0])).Spend, 6);
    }

    private static SpendEvent Event(string token, string team, string? user, double spend) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        ApiKey = token,
        TeamId = team,
        UserId = user,
        Spend = spend,
        StartTime = Now,
        EndTime = Now,
    };

    private async Task<(List<string> Keys, string Team, string User)> SeedAsync(int keyCount, DateTime? budgetResetAt, double spend = 0)
    {
        var team = "team-" + Guid.NewGuid().ToString("N")[..8];
        var user = "user-" + Guid.NewGuid().ToString("N")[..8];
        await using var db = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        db.Teams.Add(new TeamTable
        {
            TeamId = team, Spend = spend, BudgetDuration = "1d", BudgetResetAt = budgetResetAt, CreatedAt = Now, UpdatedAt = Now,
        });
        db.Users.Add(new UserTable { UserId = user, CreatedAt = Now, UpdatedAt = Now });
        db.TeamMemberships.Add(new TeamMembership { TeamId = team, UserId = user });
        var keys = new List<string>();
        for (var i = 0; i < keyCount; i++)
        {
            var token = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            keys.Add(token);
            db.VerificationTokens.Add(new VerificationToken
            {
                Token = token, TeamId = team, Spend = spend, BudgetDuration = "1d", BudgetResetAt = budgetResetAt, CreatedAt = Now, UpdatedAt = Now,
            });
        }

        await db.SaveChangesAsync();
        return (keys, team, user);
    }
}
