using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Data.Tests.Support;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Data.Tests.Sqlite;

/// <summary>The embedded SQLite default: migrated at start into a file whose folder need not exist, same tables, same rows.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "liteaspire-data-" + Guid.NewGuid().ToString("N"));

    private string DatabaseFile => Path.Combine(_folder, "state", "litellm.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Start_EmbeddedFile_CreatesFolderAndEveryLiteLLMTable()
    {
        using var host = TestHost.Build(new CapturedLogs(), ("DATABASE_URL", DatabaseFile));

        await host.StartAsync();
        var applied = await TestHost.AppliedMigrationsAsync(host);
        await host.StopAsync();

        Assert.NotEmpty(applied);
        var tables = await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Empty(LiteLLMTables.All.Except(tables));
        Assert.Contains("startTime", await QueryAsync("SELECT name FROM pragma_table_info('LiteLLM_SpendLogs')"));
    }

    [Fact]
    public async Task VerificationToken_WithListsJsonAndTimestamps_ReadsBackEqualAndUtc()
    {
        using var host = TestHost.Build(new CapturedLogs(), ("DATABASE_URL", DatabaseFile));
        await host.StartAsync();
        var expires = new DateTime(2027, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var write = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
            write.VerificationTokens.Add(new VerificationToken
            {
                Token = "abc123",
                Models = ["gpt-4o", "claude-sonnet"],
                Metadata = """{"tags": ["prod"]}""",
                Expires = expires,
                CreatedAt = DateTime.UtcNow,
            });
            await write.SaveChangesAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var read = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
            var row = await read.VerificationTokens.SingleAsync(t => t.Models.Contains("claude-sonnet"));

            Assert.Equal(["gpt-4o", "claude-sonnet"], row.Models);
            Assert.Empty(row.AllowedRoutes);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"tags":["prod"]}"""), JsonNode.Parse(row.Metadata)));
            Assert.Equal(expires, row.Expires);
            Assert.Equal(DateTimeKind.Utc, row.Expires!.Value.Kind);
        }

        await host.StopAsync();
        Assert.Equal(["""["gpt-4o","claude-sonnet"]"""], await QueryAsync("SELECT models FROM \"LiteLLM_VerificationToken\""));
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
