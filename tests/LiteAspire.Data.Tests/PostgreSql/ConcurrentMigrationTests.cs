using System.Collections.Concurrent;

using LiteAspire.Data.Database;
using LiteAspire.Data.Tests.Support;

using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace LiteAspire.Data.Tests.PostgreSql;

/// <summary>Several replicas starting at once against a fresh database: each migration is applied exactly once.</summary>
[Collection(SharedPostgres.Name)]
public class ConcurrentMigrationTests(PostgresFixture postgres)
{
    private const int Instances = 4;

    [Fact]
    public async Task Migrate_FourInstancesOnFreshDatabase_AllSucceedAndEachMigrationIsRecordedOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var sql = new ConcurrentQueue<string>();
        using var start = new Barrier(Instances);

        await Task.WhenAll(Enumerable.Range(0, Instances).Select(_ => Task.Run(async () =>
        {
            await using var context = PostgresFixture.CreateContext(connectionString, options => options.LogTo(sql.Enqueue));
            start.SignalAndWait();
            await ExclusiveMigration.RunAsync(context.Database, DatabaseProvider.PostgreSql, CancellationToken.None);
        })));

        await using var check = PostgresFixture.CreateContext(connectionString);
        var expected = check.Database.GetMigrations().ToList();
        var history = await ReadHistoryAsync(connectionString);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, history);
        // EF Core's Npgsql provider also locks each migration's transaction (see DatabaseMigrator).
        Assert.Contains(sql, line => line.Contains("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", StringComparison.Ordinal));
    }

    private static async Task<List<string>> ReadHistoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
