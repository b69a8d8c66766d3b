using LiteAspire.Data.Budgets;
using LiteAspire.Data.Tests.Support;
using LiteAspire.Worker.Budgets;
using LiteAspire.Worker.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiteAspire.Worker.Tests.Budgets;

[Collection(SharedPostgres.Name)]
public sealed class BudgetResetJobTests(PostgresFixture postgres)
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Reset_DropsTheProxysLiveCountersOfTheRowsItReset()
    {
        await using var redisFixture = new RedisFixture();
        await redisFixture.InitializeAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            db.VerificationTokens.AddRange(BudgetResetterTests.Key($"job-{id}", 4, "1d", Now.AddMinutes(-1)), BudgetResetterTests.Key($"keep-{id}", 4, "1d", Now.AddHours(1)));
            await db.SaveChangesAsync();
        }

        var redis = redisFixture.Redis.GetDatabase();
        var (resetCounter, keptCounter) = (SpendCounterKeys.For(SpendCounterKeys.Key, $"job-{id}"), SpendCounterKeys.For(SpendCounterKeys.Key, $"keep-{id}"));
        await redis.StringSetAsync(resetCounter, "4");
        await redis.StringSetAsync(keptCounter, "4");
        await using var services = WorkerServices.On(postgres.MigratedDatabase);
        var job = new BudgetResetJob(services.GetRequiredService<IServiceScopeFactory>(), new BudgetSettings(), new FakeTimeProvider(Now),
            NullLogger<BudgetResetJob>.Instance, redisFixture.Redis);

        Assert.True(await job.RunOnceAsync(CancellationToken.None) >= 1);

        Assert.False(await redis.KeyExistsAsync(resetCounter));
        Assert.True(await redis.KeyExistsAsync(keptCounter));
        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        Assert.Equal(0, (await read.VerificationTokens.SingleAsync(k => k.Token == $"job-{id}")).Spend);
    }

    [Fact]
    public async Task DisableResetBudget_JobDoesNothing()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            db.VerificationTokens.Add(BudgetResetterTests.Key($"off-{id}", 4, "1d", Now.AddMinutes(-1)));
            await db.SaveChangesAsync();
        }

        var time = new FakeTimeProvider(Now);
        await using var services = WorkerServices.On(postgres.MigratedDatabase);
        using var job = new BudgetResetJob(services.GetRequiredService<IServiceScopeFactory>(), new BudgetSettings { DisableResetBudget = true }, time,
            NullLogger<BudgetResetJob>.Instance);
        await job.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(200);
        await job.StopAsync(CancellationToken.None);

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        Assert.Equal(4, (await read.VerificationTokens.SingleAsync(k => k.Token == $"off-{id}")).Spend);
    }

    [Fact]
    public async Task Running_ResetsEachInterval()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            db.VerificationTokens.Add(BudgetResetterTests.Key($"tick-{id}", 4, "1d", Now.AddSeconds(30)));
            await db.SaveChangesAsync();
        }

        var time = new FakeTimeProvider(Now);
        await using var services = WorkerServices.On(postgres.MigratedDatabase);
        using var job = new BudgetResetJob(services.GetRequiredService<IServiceScopeFactory>(), new BudgetSettings(), time, NullLogger<BudgetResetJob>.Instance);
        await job.StartAsync(CancellationToken.None);
        await Task.Delay(100);
        time.Advance(BudgetSettings.DefaultResetInterval);

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        double spend = -1;
        for (var i = 0; i < 100 && spend != 0; i++)
        {
            await Task.Delay(50);
            spend = (await read.VerificationTokens.AsNoTracking().SingleAsync(k => k.Token == $"tick-{id}")).Spend;
        }

        await job.StopAsync(CancellationToken.None);
        Assert.Equal(0, spend);
    }
}
