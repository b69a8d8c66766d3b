using System.Diagnostics;
using System.Globalization;

using LiteAspire.Data.Migrations;
using LiteAspire.Data.Schema;
using LiteAspire.Data.Spend;
using LiteAspire.Data.Spend.Queue;
using LiteAspire.Hosting;
using LiteAspire.Hosting.Testing;

using Microsoft.EntityFrameworkCore;

using StackExchange.Redis;

namespace LiteAspire.Benchmarks.Probes;

/// <summary>
/// <c>worker-throughput [--events N] [--workers W] [--keys K]</c>: how fast Worker processes drain the spend stream into
/// PostgreSQL. Starts PostgreSQL and Redis (the AppHost's own runners), seeds keys, users and teams, fills the stream with
/// N events as the proxy ships them (entries of 512), starts W Release Workers and times the rows landing. Prints events/s
/// over the drain and checks every key's spend against its rows.
/// </summary>
public static class WorkerThroughputProbe
{
    /// <summary>Runs the probe; 0 when every event was written and the sums agree.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 100_000);
        var workers = Option(args, "--workers", 1);
        var keys = Option(args, "--keys", 200);

        var builder = DistributedApplicationTestingBuilder.Create();
        var database = builder.AddPostgres("pg").AddDatabase("litellm").Resource;
        var cache = builder.AddRedis("cache").Resource;
        await using var app = await builder.BuildAsync();
        await app.StartAsync();
        await app.WaitForResourceHealthyAsync("litellm");
        await app.WaitForResourceHealthyAsync("cache");
        var server = database.Server;
        var port = server.PrimaryEndpoint.AllocatedPorts[0];
        var password = server.PasswordParameter.Value;
        var connectionString = $"Host=127.0.0.1;Port={port};Username={server.UserName};Password={password};Database=litellm";
        var redisEndpoint = $"127.0.0.1:{cache.PrimaryEndpoint.AllocatedPorts[0]}";

        var options = new DbContextOptionsBuilder<PostgreSqlLiteLLMDbContext>().UseNpgsql(connectionString).Options;
        await using (var db = new PostgreSqlLiteLLMDbContext(options))
        {
            await db.Database.MigrateAsync();
            await SeedAsync(db, keys);
        }

        using var redis = await ConnectionMultiplexer.ConnectAsync($"{redisEndpoint},password={cache.PasswordParameter.Value}");
        var fill = Stopwatch.StartNew();
        await FillAsync(redis.GetDatabase(), events, keys);
        Console.WriteLine($"stream filled with {events:N0} events in {fill.Elapsed.TotalSeconds:0.0} s");

        var environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgresql://{server.UserName}:{Uri.EscapeDataString(password)}@127.0.0.1:{port}/litellm",
            ["REDIS_URL"] = $"redis://:{Uri.EscapeDataString(cache.PasswordParameter.Value)}@{redisEndpoint}",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var started = Enumerable.Range(0, workers).Select(_ => StartWorker(environment)).ToList();
        try
        {
            var (rate, first, last) = await TimeDrainAsync(options, events);
            Console.WriteLine($"workers={workers} events={events:N0} drain from {first:N0} to {last:N0} rows: {rate:N0} events/s (target >= 5,000)");
            await using var db = new PostgreSqlLiteLLMDbContext(options);
            var keySpend = await db.VerificationTokens.SumAsync(k => k.Spend);
            var logSpend = await db.SpendLogs.SumAsync(l => l.Spend);
            var agree = Math.Abs(keySpend - logSpend) < 0.005 && last == events;
            Console.WriteLine($"rows={last:N0} key spend={keySpend:F4} log spend={logSpend:F4} {(agree ? "ok" : "MISMATCH")}");
            return agree ? 0 : 1;
        }
        finally
        {
            foreach (var worker in started)
            {
                worker.Kill();
                await worker.WaitForExitAsync();
                worker.Dispose();
            }
        }
    }

    private static async Task SeedAsync(LiteAspire.Data.LiteLLMDbContext db, int keys)
    {
        var now = DateTime.UtcNow;
        for (var t = 0; t < 20; t++)
        {
            db.Teams.Add(new TeamTable { TeamId = $"team-{t}", CreatedAt = now, UpdatedAt = now });
        }

        for (var u = 0; u < 50; u++)
        {
            db.Users.Add(new UserTable { UserId = $"user-{u}", CreatedAt = now, UpdatedAt = now });
            db.TeamMemberships.Add(new TeamMembership { UserId = $"user-{u}", TeamId = $"team-{u % 20}" });
        }

        for (var k = 0; k < keys; k++)
        {
            db.VerificationTokens.Add(new VerificationToken
            {
                Token = $"bench-key-{k:D4}", UserId = $"user-{k % 50}", TeamId = $"team-{k % 50 % 20}", CreatedAt = now, UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task FillAsync(IDatabase redis, int events, int keys)
    {
        var start = DateTime.UtcNow;
        var pending = new List<Task>();
        for (var first = 0; first < events; first += 512)
        {
            var batch = new List<byte[]>(512);
            for (var i = first; i < Math.Min(events, first + 512); i++)
            {
                var key = i % keys;
                batch.Add(SpendEventJson.Serialize(new SpendEvent
                {
                    RequestId = $"chatcmpl-bench-{i:D8}",
                    CallId = Guid.NewGuid().ToString(),
                    Endpoint = "/v1/chat/completions",
                    ApiKey = $"bench-key-{key:D4}",
                    UserId = $"user-{key % 50}",
                    TeamId = $"team-{key % 50 % 20}",
                    Tags = i % 4 == 0 ? ["bench"] : [],
                    ModelGroup = "gpt-4o",
                    Model = i % 3 == 0 ? "gpt-4o-mini" : "gpt-4o",
                    ModelId = "d1",
                    Provider = "openai",
                    PromptTokens = 120 + (i % 50),
                    CompletionTokens = 30 + (i % 20),
                    Spend = 0.0001 * (1 + (i % 7)),
                    StartTime = start.AddMilliseconds(i),
                    EndTime = start.AddMilliseconds(i + 250),
                }));
            }

            pending.Add(redis.AppendSpendEventsAsync(batch));
            if (pending.Count >= 16)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    // Rows counted every 100 ms; the rate runs from the first poll that saw rows (the Workers are up) to the last row.
    private static async Task<(double Rate, long First, long Last)> TimeDrainAsync(DbContextOptions<PostgreSqlLiteLLMDbContext> options, int events)
    {
        await using var db = new PostgreSqlLiteLLMDbContext(options);
        var deadline = Stopwatch.StartNew();
        long first = 0;
        Stopwatch? clock = null;
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            var rows = await db.SpendLogs.LongCountAsync();
            if (clock is null && rows > 0)
            {
                (first, clock) = (rows, Stopwatch.StartNew());
            }

            if (rows >= events)
            {
                return ((rows - first) / Math.Max(clock!.Elapsed.TotalSeconds, 0.001), first, rows);
            }

            await Task.Delay(100);
        }

        return (0, first, await db.SpendLogs.LongCountAsync());
    }

    private static Process StartWorker(Dictionary<string, string> environment)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "LiteAspire.sln")))
        {
            root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(root)) ?? throw new InvalidOperationException("LiteAspire.sln not found above the probe");
        }

        var info = new ProcessStartInfo("dotnet", [Path.Combine(root, "LiteAspire.Worker", "bin", "Release", "net10.0", "LiteAspire.Worker.dll")]);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
