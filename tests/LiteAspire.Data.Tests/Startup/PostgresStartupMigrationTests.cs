using System.Net;
using System.Net.Sockets;

using LiteAspire.Data.Database;
using LiteAspire.Data.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiteAspire.Data.Tests.Startup;

/// <summary>AddLiteLLMDatabase brings a PostgreSQL schema up to date while the host starts, and never stops it from starting.</summary>
[Collection(SharedPostgres.Name)]
public class PostgresStartupMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Start_FreshDatabase_AppliesEveryMigrationBeforeStartReturns()
    {
        var name = PostgresFixture.NewDatabaseName();
        await postgres.CreateDatabaseAsync(name);
        var logs = new CapturedLogs();
        using var host = TestHost.Build(logs, ("DATABASE_URL", postgres.DatabaseUrl(name)));

        await host.StartAsync();
        var applied = await TestHost.AppliedMigrationsAsync(host);
        await host.StopAsync();

        await using var context = PostgresFixture.CreateContext(postgres.ConnectionString(name));
        Assert.Equal(context.Database.GetMigrations(), applied);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Information && l.Message.StartsWith("Database schema of PostgreSQL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_DisableSchemaUpdate_LeavesTheDatabaseUntouched()
    {
        var name = PostgresFixture.NewDatabaseName();
        await postgres.CreateDatabaseAsync(name);
        var logs = new CapturedLogs();
        using var host = TestHost.Build(logs, ("DATABASE_URL", postgres.DatabaseUrl(name)), ("DISABLE_SCHEMA_UPDATE", "true"));

        await host.StartAsync();
        var applied = await TestHost.AppliedMigrationsAsync(host);
        await host.StopAsync();

        Assert.Empty(applied);
        Assert.Contains(logs.Lines, l => l.Message.StartsWith("DISABLE_SCHEMA_UPDATE=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_DatabaseUnreachable_StartsAndLogsOneClearError()
    {
        var logs = new CapturedLogs();
        using var host = TestHost.Build(logs, ("DATABASE_URL", $"postgresql://postgres:secret-pw@127.0.0.1:{ClosedPort()}/litellm?connect_timeout=2"));

        await host.StartAsync();
        var connected = await host.Services.GetRequiredService<DatabaseStatus>().IsConnectedAsync(CancellationToken.None);
        await host.StopAsync();

        Assert.False(connected);
        var error = Assert.Single(logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.StartsWith("Database PostgreSQL 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ServerAnswersOnlyAfterStart_CreatesAndMigratesTheDatabaseOnceItAnswers()
    {
        var name = PostgresFixture.NewDatabaseName();
        var port = ClosedPort();
        var logs = new CapturedLogs();
        using var host = TestHost.Build(logs, ("DATABASE_URL", postgres.DatabaseUrl(name, port)));

        await host.StartAsync();
        var reachableAtStart = await host.Services.GetRequiredService<DatabaseStatus>().IsConnectedAsync(CancellationToken.None);
        await using (PortForwarder.Start(port, postgres.Port))
        {
            var applied = new List<string>();
            for (var attempt = 0; attempt < 150 && applied.Count == 0; attempt++)
            {
                await Task.Delay(200);
                applied = await AppliedOrEmptyAsync(postgres.ConnectionString(name));
            }

            await host.StopAsync();
            Assert.NotEmpty(applied);
        }

        Assert.False(reachableAtStart);
        Assert.Single(logs.Lines, l => l.Level >= LogLevel.Error);
    }

    private static async Task<List<string>> AppliedOrEmptyAsync(string connectionString)
    {
        await using var context = PostgresFixture.CreateContext(connectionString);
        return await context.Database.CanConnectAsync() ? [.. await context.Database.GetAppliedMigrationsAsync()] : [];
    }

    // A port that was free a moment ago: nothing answers there.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
