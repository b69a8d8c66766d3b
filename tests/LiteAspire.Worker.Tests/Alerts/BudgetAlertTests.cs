using System.Diagnostics;
using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Data.Spend;
using LiteAspire.Data.Tests.Support;
using LiteAspire.Worker.Alerts;
using LiteAspire.Worker.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiteAspire.Worker.Tests.Alerts;

[Collection(SharedPostgres.Name)]
public sealed class BudgetAlertTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime PeriodEnd = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private WebhookReceiver _receiver = null!;

    private string Token => $"a1b2c3{_id}";

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        await using var db = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        db.VerificationTokens.Add(new VerificationToken
        {
            Token = Token, KeyAlias = "ci-key", KeyName = "sk-...wxyz", MaxBudget = 10, Spend = 8.5, BudgetDuration = "1d", BudgetResetAt = PeriodEnd,
            UserId = $"u-{_id}", CreatedAt = Now, UpdatedAt = Now,
        });
        db.Teams.Add(new TeamTable { TeamId = $"t-{_id}", TeamAlias = "Core", MaxBudget = 100, SoftBudget = 4, Spend = 5, CreatedAt = Now, UpdatedAt = Now });
        db.Budgets.Add(new BudgetTable { BudgetId = $"b-{_id}", MaxBudget = 2 });
        db.EndUsers.Add(new EndUserTable { UserId = $"c-{_id}", BudgetId = $"b-{_id}", Spend = 2.5 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Crossings_SendWebhookAndSlack_WithLiteLLMsPayloads()
    {
        await using var worker = Worker(Destinations("/slack", "/hook"));

        await worker.Observer.OnCommittedAsync(
        [
            new CounterChange(SpendEntity.Key, Token, 4, 8.5),
            new CounterChange(SpendEntity.Team, $"t-{_id}", 3, 5),
            new CounterChange(SpendEntity.EndUser, $"c-{_id}", 1.5, 2.5),
        ], CancellationToken.None);

        var hooks = await _receiver.WaitForAsync("/hook", 3);
        var slack = await _receiver.WaitForAsync("/slack", 3);
        var key = Assert.Single(hooks, h => h["event_group"]!.GetValue<string>() == "key");
        Assert.Equal("threshold_crossed", key["event"]!.GetValue<string>());
        Assert.Equal("Key Budget: 80% Threshold Crossed", key["event_message"]!.GetValue<string>());
        Assert.Equal((8.5, 10.0), (key["spend"]!.GetValue<double>(), key["max_budget"]!.GetValue<double>()));
        Assert.Equal((Token, "ci-key", $"u-{_id}"), (key["token"]!.GetValue<string>(), key["key_alias"]!.GetValue<string>(), key["user_id"]!.GetValue<string>()));
        Assert.True(key.AsObject().ContainsKey("projected_spend"));
        var team = Assert.Single(hooks, h => h["event_group"]!.GetValue<string>() == "team");
        Assert.Equal(("soft_budget_crossed", "Team Budget: Soft Budget Crossed", "Core"),
            (team["event"]!.GetValue<string>(), team["event_message"]!.GetValue<string>(), team["team_alias"]!.GetValue<string>()));
        var customer = Assert.Single(hooks, h => h["event_group"]!.GetValue<string>() == "end_user");
        Assert.Equal(("budget_crossed", $"c-{_id}"), (customer["event"]!.GetValue<string>(), customer["customer_id"]!.GetValue<string>()));

        Assert.Equal(3, slack.Count);
        var keyText = Assert.Single(slack, s => s["text"]!.GetValue<string>().Contains("Key Budget", StringComparison.Ordinal))["text"]!.GetValue<string>();
        Assert.StartsWith("Level: `High`\nTimestamp: `12:00:00`\n\nMessage: Key Budget: 80% Threshold Crossed", keyText, StringComparison.Ordinal);
        Assert.Contains("key_alias: `ci-key`", keyText, StringComparison.Ordinal);
        // The key is named by its hash and alias only.
        Assert.DoesNotContain(hooks.Concat(slack), body => body.ToJsonString().Contains("sk-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameCrossingReportedAgain_OrByASecondWorker_AlertsOncePerPeriod()
    {
        AlertDestination[] once = [new(new Uri(_receiver.BaseAddress, "/once"), AlertFormat.Webhook)];
        await using var first = Worker(once);
        await using var second = Worker(once);
        CounterChange[] batch = [new(SpendEntity.Key, Token, 4, 8.5)];

        await first.Observer.OnCommittedAsync(batch, CancellationToken.None);
        await first.Observer.OnCommittedAsync(batch, CancellationToken.None);
        await second.Observer.OnCommittedAsync(batch, CancellationToken.None);
        await second.Observer.OnCommittedAsync([new(SpendEntity.Key, Token, 8.5, 9)], CancellationToken.None);
        Assert.Single(await _receiver.WaitForAsync("/once", 1));
        await Task.Delay(300);
        Assert.Single(_receiver.At("/once"));

        // 100 % is its own line; the next period alerts afresh.
        await second.Observer.OnCommittedAsync([new(SpendEntity.Key, Token, 9, 10.5)], CancellationToken.None);
        await using (var db = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            await db.VerificationTokens.Where(k => k.Token == Token).ExecuteUpdateAsync(s => s.SetProperty(k => k.BudgetResetAt, PeriodEnd.AddDays(1)));
        }

        await first.Observer.OnCommittedAsync(batch, CancellationToken.None);
        var bodies = await _receiver.WaitForAsync("/once", 3);
        Assert.Equal(["budget_crossed", "threshold_crossed", "threshold_crossed"], bodies.Select(b => b["event"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BelowEveryLine_NoAlert()
    {
        await using var worker = Worker(Destinations("/quiet"));

        await worker.Observer.OnCommittedAsync([new(SpendEntity.Key, Token, 1, 2), new(SpendEntity.Team, $"t-{_id}", 1, 2)], CancellationToken.None);
        await Task.Delay(300);

        Assert.Empty(_receiver.At("/quiet"));
    }

    [Fact]
    public async Task DownWebhook_BlocksNeitherTheSpendConsumerNorTheOtherDestination()
    {
        await using var worker = Worker(
        [
            new AlertDestination(new Uri(_receiver.BaseAddress, "/hang"), AlertFormat.Webhook),
            new AlertDestination(new Uri("http://127.0.0.1:9/refused"), AlertFormat.Webhook),
            new AlertDestination(new Uri(_receiver.BaseAddress, "/alive"), AlertFormat.Slack),
        ]);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await worker.Observer.OnCommittedAsync([new(SpendEntity.Key, Token, 4 + i, 8.5 + i)], CancellationToken.None);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
        Assert.NotEmpty(await _receiver.WaitForAsync("/alive", 1));
    }

    // The first path takes Slack messages, the others webhook events.
    private AlertDestination[] Destinations(params string[] paths) =>
        [.. paths.Select((p, i) => new AlertDestination(new Uri(_receiver.BaseAddress, p), i == 0 ? AlertFormat.Slack : AlertFormat.Webhook))];

    // A Worker's alert side: observer, durable de-duplication in the test database, and a running sender.
    private TestWorker Worker(AlertDestination[] destinations)
    {
        var settings = new AlertSettings(destinations);
        var services = WorkerServices.On(postgres.MigratedDatabase);
        var time = new FakeTimeProvider(new DateTimeOffset(Now));
        var sender = new AlertSender(settings, new HttpClient { Timeout = TimeSpan.FromSeconds(2) }, time, NullLogger<AlertSender>.Instance);
        sender.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        var dedupe = new DatabaseAlertDedupe(services.GetRequiredService<IServiceScopeFactory>(), time, NullLogger<DatabaseAlertDedupe>.Instance);
        var observer = new BudgetAlertObserver(services.GetRequiredService<IServiceScopeFactory>(), settings, dedupe, sender, time,
            NullLogger<BudgetAlertObserver>.Instance);
        return new TestWorker(observer, sender, services);
    }

    private sealed record TestWorker(BudgetAlertObserver Observer, AlertSender Sender, ServiceProvider Services) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Sender.StopAsync(CancellationToken.None);
            Sender.Dispose();
            await Services.DisposeAsync();
        }
    }
}
