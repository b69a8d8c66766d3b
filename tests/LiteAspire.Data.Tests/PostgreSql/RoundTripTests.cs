using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Data.Tests.Support;

using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace LiteAspire.Data.Tests.PostgreSql;

/// <summary>Rows written through the model read back intact, and are stored the way LiteLLM stores them.</summary>
[Collection(SharedPostgres.Name)]
public class RoundTripTests(PostgresFixture postgres)
{
    private static readonly DateTime Expires = new(2027, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc);

    [Fact]
    public async Task VerificationToken_WithListsJsonAndTimestamps_ReadsBackEqualAndUtc()
    {
        var token = NewToken();
        await using (var write = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            write.VerificationTokens.Add(token);
            await write.SaveChangesAsync();
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        var row = await read.VerificationTokens.SingleAsync(t => t.Token == token.Token);

        Assert.Equal(["gpt-4o", "claude-sonnet"], row.Models);
        Assert.Equal(["/chat/completions"], row.AllowedRoutes);
        Assert.Empty(row.Policies);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(token.Metadata), JsonNode.Parse(row.Metadata)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(token.Aliases), JsonNode.Parse(row.Aliases)));
        Assert.Equal(Expires, row.Expires);
        Assert.Equal(DateTimeKind.Utc, row.Expires!.Value.Kind);
        Assert.Equal(DateTimeKind.Utc, row.CreatedAt!.Value.Kind);
        Assert.Equal(9_000_000_000L, row.TpmLimit);
        Assert.Equal(12.5, row.MaxBudget);
    }

    [Fact]
    public async Task VerificationToken_Saved_StoresUtcWallTimeAndNativeArrayAndJsonb()
    {
        var token = NewToken();
        await using (var write = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            write.VerificationTokens.Add(token);
            await write.SaveChangesAsync();
        }

        await using var connection = new NpgsqlConnection(postgres.MigratedDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT expires::text, models[2], metadata->'tags'->>0, pg_typeof(metadata)::text
            FROM "LiteLLM_VerificationToken" WHERE token = @token
            """, connection);
        command.Parameters.AddWithValue("token", token.Token);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal("2027-03-04 05:06:07.891", reader.GetString(0));
        Assert.Equal("claude-sonnet", reader.GetString(1));
        Assert.Equal("prod", reader.GetString(2));
        Assert.Equal("jsonb", reader.GetString(3));
    }

    [Fact]
    public async Task VerificationToken_QueryByModelInList_TranslatesToTheArray()
    {
        var token = NewToken();
        await using (var write = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            write.VerificationTokens.Add(token);
            await write.SaveChangesAsync();
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        var found = await read.VerificationTokens
            .Where(t => t.Token == token.Token && t.Models.Contains("claude-sonnet") && t.Expires > new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc))
            .CountAsync();

        Assert.Equal(1, found);
    }

    [Fact]
    public async Task Team_DeletedWhileKeysPointAtIt_KeysStay()
    {
        var team = new TeamTable { TeamId = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        var token = NewToken();
        token.TeamId = team.TeamId;
        await using (var write = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            write.AddRange(team, token);
            await write.SaveChangesAsync();
            write.Teams.Remove(team);
            await write.SaveChangesAsync();
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        Assert.False(await read.Teams.AnyAsync(t => t.TeamId == team.TeamId));
        Assert.Equal(team.TeamId, (await read.VerificationTokens.SingleAsync(t => t.Token == token.Token)).TeamId);
    }

    [Fact]
    public async Task Budget_DeletedWhileAKeyUsesIt_KeyLosesTheBudget()
    {
        var budget = new BudgetTable { BudgetId = Guid.NewGuid().ToString(), MaxBudget = 5, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        var token = NewToken();
        token.BudgetId = budget.BudgetId;
        await using (var write = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            write.AddRange(budget, token);
            await write.SaveChangesAsync();
        }

        // Deleted by another writer, so the database's ON DELETE SET NULL does the work, not EF's tracking.
        await using (var delete = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            await delete.Budgets.Where(b => b.BudgetId == budget.BudgetId).ExecuteDeleteAsync();
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        Assert.Null((await read.VerificationTokens.SingleAsync(t => t.Token == token.Token)).BudgetId);
    }

    private static VerificationToken NewToken() => new()
    {
        Token = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
        KeyName = "sk-...abcd",
        KeyAlias = "round-trip",
        Models = ["gpt-4o", "claude-sonnet"],
        AllowedRoutes = ["/chat/completions"],
        Metadata = """{"tags": ["prod", "eu"], "owner": {"name": "ops", "level": 2}}""",
        Aliases = """{"fast":"gpt-4o-mini"}""",
        Expires = Expires,
        TpmLimit = 9_000_000_000L,
        MaxBudget = 12.5,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
}
