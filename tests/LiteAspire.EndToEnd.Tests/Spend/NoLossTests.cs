using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using LiteAspire.Hosting;
using LiteAspire.Hosting.Testing;

using Npgsql;

using Xunit.Abstractions;

namespace LiteAspire.EndToEnd.Tests.Spend;

/// <summary>
/// Spend is never lost nor counted twice: 10,000 requests through a real proxy while the Worker is SIGKILLed twice and
/// Redis is restarted once; afterwards every request has exactly one SpendLogs row and every key's spend is the sum of its rows.
/// </summary>
public class NoLossTests(ITestOutputHelper output)
{
    private const int Requests = 10_000;
    private const int Keys = 20;
    private const int Concurrency = 16;
    private const string MasterKey = "sk-no-loss-master";

    [Fact]
    public async Task TenThousandRequests_WorkerKilledTwice_RedisRestarted_EveryRequestLoggedOnce_AndKeySpendIsTheSumOfItsRows()
    {
        var work = Directory.CreateTempSubdirectory("liteaspire-noloss-").FullName;
        var builder = DistributedApplicationTestingBuilder.Create();
        var database = builder.AddPostgres("pg").AddDatabase("litellm").Resource;
        await using var postgres = await builder.BuildAsync();
        await postgres.StartAsync();
        await postgres.WaitForResourceHealthyAsync("litellm");
        var server = database.Server;
        var databaseUrl = $"postgresql://{server.UserName}:{server.PasswordParameter.Value}@127.0.0.1:{server.PrimaryEndpoint.AllocatedPorts[0]}/litellm";

        var redisPort = ServiceProcess.FreePort();
        var redisDirectory = Directory.CreateDirectory(Path.Combine(work, "redis")).FullName;
        string[] redisArguments = ["--port", $"{redisPort}", "--bind", "127.0.0.1", "--dir", redisDirectory, "--appendonly", "yes", "--save", ""];
        var redis = ServiceProcess.Start("redis", "redis-server", redisArguments);
        var fakePort = ServiceProcess.FreePort();
        var fake = ServiceProcess.StartProject("LiteAspire.FakeProvider", ["--urls", $"http://127.0.0.1:{fakePort}"],
            new Dictionary<string, string> { ["FakeProvider__LatencyMs"] = "0" });

        var config = Path.Combine(work, "config.yaml");
        await File.WriteAllTextAsync(config, $"""
            model_list:
              - model_name: fake
                litellm_params:
                  model: openai/fake
                  api_base: http://127.0.0.1:{fakePort}/v1
                  api_key: sk-fake-upstream
                  input_cost_per_token: 0.0000013
                  output_cost_per_token: 0.0000071
            general_settings:
              master_key: {MasterKey}
            """);
        var shared = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = databaseUrl,
            ["REDIS_URL"] = $"redis://127.0.0.1:{redisPort}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var proxyPort = ServiceProcess.FreePort();
        var proxy = ServiceProcess.StartProject("LiteAspire.Proxy", ["--config", config, "--port", $"{proxyPort}", "--host", "127.0.0.1"],
            new Dictionary<string, string>(shared)
            {
                ["Spend__WriteInProxy"] = "false",
                ["Spend__JournalDirectory"] = Path.Combine(work, "journal"),
            });
        var workerEnvironment = new Dictionary<string, string>(shared)
        {
            ["Spend__ClaimIdle"] = "00:00:02",
            ["Spend__ClaimInterval"] = "00:00:01",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        var worker = ServiceProcess.StartProject("LiteAspire.Worker", [], workerEnvironment);
        var processes = new List<ServiceProcess> { redis, fake, proxy, worker };

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{proxyPort}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", MasterKey);
        try
        {
            await WaitReadyAsync(client);
            var keys = new List<string>();
            for (var i = 0; i < Keys; i++)
            {
                using var generated = await client.PostAsJsonAsync("/key/generate", new { key_alias = $"no-loss-{i}" });
                keys.Add((string)(await generated.Content.ReadFromJsonAsync<JsonObject>())!["key"]!);
            }

            var clock = Stopwatch.StartNew();
            var done = 0;
            var failures = new List<string>();
            var chaos = Task.Run(async () =>
            {
                await WhenAsync(() => done >= 2_000);
                await worker.KillAsync();
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: worker SIGKILLed at {done} requests");
                await Task.Delay(500);
                worker = ServiceProcess.StartProject("LiteAspire.Worker", [], workerEnvironment);
                processes.Add(worker);

                await WhenAsync(() => done >= 4_500);
                await redis.StopAsync();
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: redis stopped at {done} requests");
                await Task.Delay(1_500);
                redis = ServiceProcess.Start("redis", "redis-server", redisArguments);
                processes.Add(redis);
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: redis started again at {done} requests");

                await WhenAsync(() => done >= 7_000);
                await worker.KillAsync();
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: worker SIGKILLed again at {done} requests");
                await Task.Delay(500);
                worker = ServiceProcess.StartProject("LiteAspire.Worker", [], workerEnvironment);
                processes.Add(worker);
            });

            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Requests)
                {
                    // Prompts repeat, so the fake upstream repeats response ids: those requests must still each be logged.
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
                    {
                        Content = JsonContent.Create(new { model = "fake", messages = new[] { new { role = "user", content = $"hello {i % 500}" } } }),
                    };
                    request.Headers.Authorization = new("Bearer", keys[i % Keys]);
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        var failure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                        lock (failures)
                        {
                            failures.Add(failure);
                        }
                    }

                    Interlocked.Increment(ref done);
                }
            })));
            await chaos;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: {Requests} requests answered");
            Assert.Empty(failures);

            await using var data = NpgsqlDataSource.Create(ToNpgsql(databaseUrl));
            var deadline = Stopwatch.StartNew();
            long rows;
            while ((rows = await ScalarAsync<long>(data, """SELECT count(*) FROM "LiteLLM_SpendLogs" """)) < Requests && deadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(500);
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: {rows} spend log rows");
            // Let anything still pending (a claim, a replay) land, then count again: nothing more may appear.
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.Equal(Requests, await ScalarAsync<long>(data, """SELECT count(*) FROM "LiteLLM_SpendLogs" """));
            Assert.Equal(Requests, await ScalarAsync<long>(data, """SELECT count(DISTINCT metadata->>'litellm_call_id') FROM "LiteLLM_SpendLogs" """));
            Assert.Equal(Requests, await ScalarAsync<long>(data, """SELECT coalesce(sum(api_requests), 0)::bigint FROM "LiteLLM_DailyUserSpend" """));

            await using var perKey = data.CreateCommand("""
                SELECT k.token, k.spend, coalesce(sum(l.spend), 0), count(l.request_id)
                FROM "LiteLLM_VerificationToken" k LEFT JOIN "LiteLLM_SpendLogs" l ON l.api_key = k.token
                WHERE k.key_alias LIKE 'no-loss-%' GROUP BY k.token, k.spend
                """);
            await using var reader = await perKey.ExecuteReaderAsync();
            var checkedKeys = 0;
            while (await reader.ReadAsync())
            {
                var (keySpend, logSum, count) = (reader.GetDouble(1), reader.GetDouble(2), reader.GetInt64(3));
                Assert.Equal(Requests / Keys, count);
                Assert.True(logSum > 0);
                Assert.True(Math.Abs(keySpend - logSum) < 0.005, $"key {reader.GetString(0)[..8]}: spend {keySpend} but its rows sum to {logSum}");
                checkedKeys++;
            }

            Assert.Equal(Keys, checkedKeys);
        }
        finally
        {
            foreach (var process in processes.AsEnumerable().Reverse())
            {
                output.WriteLine($"--- {process.Name} (pid {process.Pid})\n{process.Tail}");
                await process.DisposeAsync();
            }

            Directory.Delete(work, recursive: true);
        }

        static async Task WhenAsync(Func<bool> condition)
        {
            while (!condition())
            {
                await Task.Delay(5);
            }
        }
    }

    private static async Task WaitReadyAsync(HttpClient client)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/readiness", UriKind.Relative));
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("connected", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the proxy did not become ready");
            await Task.Delay(250);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string ToNpgsql(string url)
    {
        var uri = new Uri(url);
        var credentials = uri.UserInfo.Split(':');
        return $"Host={uri.Host};Port={uri.Port};Username={Uri.UnescapeDataString(credentials[0])};Password={Uri.UnescapeDataString(credentials[1])};Database={uri.AbsolutePath.TrimStart('/')}";
    }
}
