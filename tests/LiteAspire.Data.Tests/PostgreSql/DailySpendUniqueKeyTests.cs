using LiteAspire.Data.Schema;
using LiteAspire.Data.Tests.Support;

using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace LiteAspire.Data.Tests.PostgreSql;

/// <summary>The daily aggregates' unique key treats NULL as a value, so one row exists per key even when model is NULL.</summary>
[Collection(SharedPostgres.Name)]
public class DailySpendUniqueKeyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task DailyTeamSpend_DuplicateKeyWithNullModel_IsRejected()
    {
        var teamId = Guid.NewGuid().ToString();
        await using (var first = PostgresFixture.CreateContext(postgres.MigratedDatabase))
        {
            first.DailyTeamSpend.Add(Row(teamId));
            await first.SaveChangesAsync();
        }

        await using var second = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        second.DailyTeamSpend.Add(Row(teamId));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());

        var postgresError = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgresError.SqlState);
        Assert.Equal("LiteLLM_DailyTeamSpend_team_id_date_api_key_model_custom_ll_key", postgresError.ConstraintName);
    }

    [Fact]
    public async Task DailyTeamSpend_UpsertTwiceWithNullModel_AddsUpInOneRow()
    {
        var teamId = Guid.NewGuid().ToString();
        await using var connection = new NpgsqlConnection(postgres.MigratedDatabase);
        await connection.OpenAsync();
        for (var i = 0; i < 2; i++)
        {
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO "LiteLLM_DailyTeamSpend" (id, team_id, date, api_key, spend, api_requests, updated_at)
                VALUES (@id, @team, '2026-11-25', 'hash', 0.25, 1, now())
                ON CONFLICT (team_id, date, api_key, model, custom_llm_provider, mcp_namespaced_tool_name, endpoint)
                DO UPDATE SET spend = "LiteLLM_DailyTeamSpend".spend + excluded.spend,
                              api_requests = "LiteLLM_DailyTeamSpend".api_requests + excluded.api_requests
                """, connection);
            upsert.Parameters.AddWithValue("id", Guid.NewGuid().ToString());
            upsert.Parameters.AddWithValue("team", teamId);
            await upsert.ExecuteNonQueryAsync();
        }

        await using var read = PostgresFixture.CreateContext(postgres.MigratedDatabase);
        var row = await read.DailyTeamSpend.SingleAsync(r => r.TeamId == teamId);
        Assert.Null(row.Model);
        Assert.Equal(0.5, row.Spend);
        Assert.Equal(2, row.ApiRequests);
    }

    private static DailyTeamSpend Row(string teamId) => new()
    {
        Id = Guid.NewGuid().ToString(),
        TeamId = teamId,
        Date = "2026-11-25",
        ApiKey = "hash",
        Model = null,
        Spend = 0.1,
        UpdatedAt = DateTime.UtcNow,
        CreatedAt = DateTime.UtcNow,
    };
}
