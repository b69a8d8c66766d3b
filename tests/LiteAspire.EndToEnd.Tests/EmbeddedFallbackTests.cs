using System.Text.Json;
using LiteAspire.Hosting.Testing;

namespace LiteAspire.EndToEnd.Tests;

/// <summary>With no PostgreSQL or Redis binaries the system still runs: SQLite file, in-process cache and queue.</summary>
public class EmbeddedFallbackTests
{
    [Fact]
    public async Task AppHost_NoPostgresOrRedisBinaries_RunsOnEmbeddedDefaultsAndSaysSoOnce()
    {
        // The orchestrator looks here before the usual places; a path that does not exist means "not installed".
        Environment.SetEnvironmentVariable("LITEASPIRE_POSTGRES_BIN", "/nonexistent/postgresql/bin");
        Environment.SetEnvironmentVariable("LITEASPIRE_REDIS_SERVER", "/nonexistent/redis-server");
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
            await using var app = await builder.BuildAsync();
            await app.StartAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            foreach (var resource in new[] { "litellm", "proxy", "worker", "admin" })
            {
                await app.WaitForResourceHealthyAsync(resource, timeout.Token);
            }

            Assert.StartsWith("Data Source=", app.GetConnectionString("litellm"), StringComparison.Ordinal);
            Assert.Null(app.GetConnectionString("cache"));
            using var proxy = app.CreateHttpClient("proxy");
            using var readiness = JsonDocument.Parse(await proxy.GetStringAsync("/health/readiness"));
            Assert.Equal("connected", readiness.RootElement.GetProperty("db").GetString());
            Assert.Equal(JsonValueKind.Null, readiness.RootElement.GetProperty("cache").ValueKind);

            var postgresNotes = app.ResourceLogs.GetLines("postgres").Where(l => l.Text.Contains("apt-get install postgresql", StringComparison.Ordinal));
            var redisNotes = app.ResourceLogs.GetLines("cache").Where(l => l.Text.Contains("apt-get install redis-server", StringComparison.Ordinal));
            Assert.Single(postgresNotes);
            Assert.Single(redisNotes);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LITEASPIRE_POSTGRES_BIN", null);
            Environment.SetEnvironmentVariable("LITEASPIRE_REDIS_SERVER", null);
        }
    }
}
