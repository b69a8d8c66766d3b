using LiteAspire.Data.Schema;
using LiteAspire.Data.Spend;
using LiteAspire.Data.Tests.Support;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Tests.Spend;

/// <summary>Spend counters on real PostgreSQL: no increment lost between concurrent writers, no deadlock, periods reset once.</summary>
[Collection(SharedPostgres.Name)]
public class SpendBatchWriterTests(PostgresFixture postgres)
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
                await SpendBatchWriter.ApplyAsync(db, events, Now, CancellationToken.None);
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
            await SpendBatchWriter.ApplyAsync(db, [Event(keys[0], team, null, 0.25)], Now, CancellationToken.None);
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
            await SpendBatchWriter.ApplyAsync(db, [Event(keys[0], team, null, 1)], Now, CancellationToken.None);
        })));

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        Assert.Equal(2.0, (await read.VerificationTokens.SingleAsync(k => k.Token == keys[0])).Spend, 6);
    }

    [Fact]
    public async Task AnEventDeliveredTwice_IsLoggedAndCountedOnce_EvenByConcurrentWriters()
    {
        var (keys, team, user) = await SeedAsync(keyCount: 2, budgetResetAt: null);
        var events = Enumerable.Range(0, 40).Select(i => Event(keys[i % 2], team, user, 0.01)).ToList();

        // Four writers get the same 40 events (a redelivery after a crash, a claim racing the original reader), in any order.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            await using var db = PostgresFixture.CreateContext(postgres.MigratedDatabase);
            return await SpendBatchWriter.ApplyAsync(db, events.OrderBy(_ => Random.Shared.Next()).ToList(), Now, CancellationToken.None);
        })));

        Assert.Equal(40, results.Sum(r => r.Logged));
        Assert.Equal(120, results.Sum(r => r.Duplicates));
        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        var ids = events.Select(e => e.RequestId).ToList();
        Assert.Equal(40, await read.SpendLogs.CountAsync(l => ids.Contains(l.RequestId)));
        Assert.Equal(0.2, (await read.VerificationTokens.SingleAsync(k => k.Token == keys[0])).Spend, 9);
        Assert.Equal(0.4, (await read.Teams.SingleAsync(t => t.TeamId == team)).Spend, 9);
        var daily = await read.DailyTeamSpend.Where(d => d.TeamId == team).ToListAsync();
        Assert.Equal(2, daily.Count);
        Assert.Equal(40, daily.Sum(d => d.ApiRequests));
        Assert.Equal(0.4, daily.Sum(d => d.Spend), 9);
    }

    [Fact]
    public async Task ABatch_WritesLiteLLMsSpendLogRow_AndDailyAggregatesPerEntity()
    {
        var (keys, team, user) = await SeedAsync(keyCount: 1, budgetResetAt: null);
        var org = "org-" + Guid.NewGuid().ToString("N")[..8];
        var tag = "tag-" + Guid.NewGuid().ToString("N")[..8];
        var success = Event(keys[0], team, user, 0.5) with
        {
            OrganizationId = org, EndUser = "customer-1", Tags = [tag, tag], Model = "gpt-4o", ModelGroup = "gpt", Provider = "openai",
            Endpoint = "/v1/chat/completions", PromptTokens = 100, CompletionTokens = 20, CacheReadInputTokens = 40, KeyAlias = "ci",
            Metadata = """{"spend_logs_metadata":{"run":"7"}}""", EndTime = Now.AddMilliseconds(1500),
        };
        var failure = success with { RequestId = Guid.NewGuid().ToString(), Spend = 0, Status = "failure", PromptTokens = 0, CompletionTokens = 0, CacheReadInputTokens = 0 };

        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            await SpendBatchWriter.ApplyAsync(db, [success, failure], Now, CancellationToken.None);
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        var row = await read.SpendLogs.SingleAsync(l => l.RequestId == success.RequestId);
        Assert.Equal((keys[0], 0.5, 120, 100, 20, 1500), (row.ApiKey, row.Spend, row.TotalTokens, row.PromptTokens, row.CompletionTokens, row.RequestDurationMs));
        Assert.Equal(("gpt-4o", "gpt", "openai", user, team, org, "customer-1", "False", "success"),
            (row.Model, row.ModelGroup, row.CustomLlmProvider, row.User, row.TeamId, row.OrganizationId, row.EndUser, row.CacheHit, row.Status));
        var metadata = System.Text.Json.Nodes.JsonNode.Parse(row.Metadata!)!;
        Assert.Equal("ci", (string?)metadata["user_api_key_alias"]);
        Assert.Equal("7", (string?)metadata["spend_logs_metadata"]!["run"]);
        Assert.Equal(40, (long)metadata["additional_usage_values"]!["cache_read_input_tokens"]!);
        Assert.Equal($"[\"{tag}\",\"{tag}\"]", row.RequestTags!.Replace(" ", "", StringComparison.Ordinal));

        // One row per entity table, both requests in it, the failure counted as such.
        foreach (var daily in new DailySpendRow[]
                 {
                     await read.DailyUserSpend.SingleAsync(d => d.UserId == user),
                     await read.DailyTeamSpend.SingleAsync(d => d.TeamId == team),
                     await read.DailyOrganizationSpend.SingleAsync(d => d.OrganizationId == org),
                     await read.DailyEndUserSpend.SingleAsync(d => d.EndUserId == "customer-1" && d.ApiKey == keys[0]),
                     await read.DailyTagSpend.SingleAsync(d => d.Tag == tag),
                 })
        {
            Assert.Equal(("2026-11-25", "gpt-4o", "openai", "/v1/chat/completions"), (daily.Date, daily.Model, daily.CustomLlmProvider, daily.Endpoint));
            Assert.Equal((2L, 1L, 1L, 100L, 20L, 40L), (daily.ApiRequests, daily.SuccessfulRequests, daily.FailedRequests, daily.PromptTokens,
                daily.CompletionTokens, daily.CacheReadInputTokens));
            Assert.Equal(0.5, daily.Spend, 9);
        }
    }

    [Fact]
    public async Task Batches_AddToTheKeyFreeRollup_OneRowPerModelGroupAndDay()
    {
        var (keys, team, user) = await SeedAsync(keyCount: 2, budgetResetAt: null);
        var model = "model-" + Guid.NewGuid().ToString("N")[..8];
        var first = Event(keys[0], team, user, 0.25) with { Model = model, ModelGroup = "eu", Provider = "azure", Endpoint = "/v1/chat/completions", PromptTokens = 10 };
        var failure = first with { RequestId = Guid.NewGuid().ToString(), Spend = 0, Status = "failure" };
        var otherGroup = Event(keys[1], team, null, 1) with { Model = model, ModelGroup = "us", Provider = "azure", Endpoint = "/v1/chat/completions" };
        var nextDay = first with { RequestId = Guid.NewGuid().ToString(), StartTime = Now.AddDays(1) };
        var later = first with { RequestId = Guid.NewGuid().ToString() };

        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            await SpendBatchWriter.ApplyAsync(db, [first, failure, otherGroup, nextDay], Now, CancellationToken.None);
            await SpendBatchWriter.ApplyAsync(db, [later], Now, CancellationToken.None);
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        var rows = await read.DailyGlobalSpend.Where(r => r.Model == model).OrderBy(r => r.Date).ThenBy(r => r.ModelGroup).ToListAsync();
        Assert.Equal([("2026-11-25", "eu"), ("2026-11-25", "us"), ("2026-11-26", "eu")], rows.Select(r => (r.Date, r.ModelGroup)));
        Assert.Equal((3L, 2L, 1L, 30L, "azure", "/v1/chat/completions"),
            (rows[0].ApiRequests, rows[0].SuccessfulRequests, rows[0].FailedRequests, rows[0].PromptTokens, rows[0].CustomLlmProvider, rows[0].Endpoint));
        Assert.Equal((0.5, 1.0, 0.25), (rows[0].Spend, rows[1].Spend, rows[2].Spend));
        // The same sums as the per-user rows of those days (every request has one, with or without a user).
        var perUser = await read.DailyUserSpend.Where(r => r.Model == model).SumAsync(r => r.Spend);
        Assert.Equal(perUser, rows.Sum(r => r.Spend), 9);
    }

    [Fact]
    public async Task ABatch_ReportsEachCounterItRaised_FromBeforeToAfter()
    {
        var (keys, team, user) = await SeedAsync(keyCount: 1, budgetResetAt: null, spend: 1);

        SpendBatchResult result;
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            result = await SpendBatchWriter.ApplyAsync(db, [Event(keys[0], team, user, 0.25), Event(keys[0], team, user, 0.5)], Now, CancellationToken.None);
        }

        var key = Assert.Single(result.Changes, c => c.Entity == SpendEntity.Key);
        Assert.Equal((keys[0], 1.0, 1.75), (key.Id, key.SpendBefore, key.SpendAfter));
        var member = Assert.Single(result.Changes, c => c.Entity == SpendEntity.TeamMember);
        Assert.Equal($"{team}\n{user}", member.Id);
        Assert.Equal(0.75, member.SpendAfter - member.SpendBefore, 9);
        Assert.Contains(result.Changes, c => c.Entity == SpendEntity.Team && c.Id == team && c.SpendAfter == 1.75);
    }

    [Fact]
    public async Task TwoRequestsWhoseUpstreamReusedAResponseId_AreBothLogged_AndRedeliveringThemAddsNothing()
    {
        var (keys, team, user) = await SeedAsync(keyCount: 1, budgetResetAt: null);
        var first = Event(keys[0], team, user, 0.1) with { RequestId = "chatcmpl-" + Guid.NewGuid().ToString("N")[..6] };
        var second = Event(keys[0], team, user, 0.2) with { RequestId = first.RequestId };

        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            Assert.Equal(2, (await SpendBatchWriter.ApplyAsync(db, [first, second], Now, CancellationToken.None)).Logged);
            Assert.Equal(0, (await SpendBatchWriter.ApplyAsync(db, [second, first], Now, CancellationToken.None)).Logged);
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        var rows = await read.SpendLogs.Where(l => l.RequestId == first.RequestId || l.RequestId == second.CallId).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(0.3, (await read.VerificationTokens.SingleAsync(k => k.Token == keys[0])).Spend, 9);
    }

    private static SpendEvent Event(string token, string team, string? user, double spend) => new()
    {
        RequestId = "chatcmpl-" + Guid.NewGuid().ToString("N"),
        CallId = Guid.NewGuid().ToString(),
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
