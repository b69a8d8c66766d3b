using LiteAspire.Data.Tests.Support;

using Npgsql;

namespace LiteAspire.Data.Tests.PostgreSql;

/// <summary>After migration the database has LiteLLM's exact table names, column names and Prisma's column types.</summary>
[Collection(SharedPostgres.Name)]
public class SchemaShapeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrate_FreshDatabase_CreatesEveryLiteLLMTable()
    {
        var tables = await QueryAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            reader => reader.GetString(0));

        Assert.Empty(LiteLLMTables.All.Except(tables));
    }

    [Fact]
    public async Task Migrate_FreshDatabase_VerificationTokenColumnsMatchLiteLLM() => await AssertColumnsAsync("LiteLLM_VerificationToken", """
        token text NO
        key_name text YES
        key_alias text YES
        soft_budget_cooldown boolean NO
        spend double_precision NO
        expires timestamp(3) YES
        models text[] YES
        aliases jsonb NO
        config jsonb NO
        router_settings jsonb YES
        user_id text YES
        team_id text YES
        agent_id text YES
        project_id text YES
        permissions jsonb NO
        max_parallel_requests integer YES
        metadata jsonb NO
        blocked boolean YES
        tpm_limit bigint YES
        rpm_limit bigint YES
        max_budget double_precision YES
        budget_duration text YES
        budget_reset_at timestamp(3) YES
        allowed_cache_controls text[] YES
        allowed_routes text[] YES
        policies text[] YES
        access_group_ids text[] YES
        model_spend jsonb NO
        model_max_budget jsonb NO
        budget_id text YES
        organization_id text YES
        object_permission_id text YES
        created_at timestamp(3) YES
        created_by text YES
        updated_at timestamp(3) YES
        updated_by text YES
        last_active timestamp(3) YES
        rotation_count integer YES
        auto_rotate boolean YES
        rotation_interval text YES
        last_rotation_at timestamp(3) YES
        key_rotation_at timestamp(3) YES
        budget_limits jsonb YES
        key_type text YES
        """);

    [Fact]
    public async Task Migrate_FreshDatabase_TeamTableColumnsMatchLiteLLM() => await AssertColumnsAsync("LiteLLM_TeamTable", """
        team_id text NO
        team_alias text YES
        organization_id text YES
        object_permission_id text YES
        admins text[] YES
        members text[] YES
        members_with_roles jsonb NO
        metadata jsonb NO
        max_budget double_precision YES
        soft_budget double_precision YES
        spend double_precision NO
        models text[] YES
        max_parallel_requests integer YES
        tpm_limit bigint YES
        rpm_limit bigint YES
        budget_duration text YES
        budget_reset_at timestamp(3) YES
        blocked boolean NO
        created_at timestamp(3) NO
        updated_at timestamp(3) NO
        model_spend jsonb NO
        model_max_budget jsonb NO
        router_settings jsonb YES
        team_member_permissions text[] YES
        access_group_ids text[] YES
        policies text[] YES
        default_team_member_models text[] YES
        budget_limits jsonb YES
        model_id integer YES
        allow_team_guardrail_config boolean NO
        """);

    [Fact]
    public async Task Migrate_FreshDatabase_SpendLogsColumnsMatchLiteLLM() => await AssertColumnsAsync("LiteLLM_SpendLogs", """
        request_id text NO
        call_type text NO
        api_key text NO
        spend double_precision NO
        total_tokens integer NO
        prompt_tokens integer NO
        completion_tokens integer NO
        startTime timestamp(3) NO
        endTime timestamp(3) NO
        request_duration_ms integer YES
        completionStartTime timestamp(3) YES
        model text NO
        model_id text YES
        model_group text YES
        custom_llm_provider text YES
        api_base text YES
        user text YES
        metadata jsonb YES
        cache_hit text YES
        cache_key text YES
        request_tags jsonb YES
        team_id text YES
        organization_id text YES
        end_user text YES
        requester_ip_address text YES
        messages jsonb YES
        response jsonb YES
        session_id text YES
        status text YES
        mcp_namespaced_tool_name text YES
        agent_id text YES
        proxy_server_request jsonb YES
        """);

    [Fact]
    public async Task Migrate_FreshDatabase_DailyTeamSpendColumnsMatchLiteLLM() => await AssertColumnsAsync("LiteLLM_DailyTeamSpend", """
        id text NO
        team_id text YES
        date text NO
        api_key text NO
        model text YES
        model_group text YES
        custom_llm_provider text YES
        mcp_namespaced_tool_name text YES
        endpoint text YES
        prompt_tokens bigint NO
        completion_tokens bigint NO
        cache_read_input_tokens bigint NO
        cache_creation_input_tokens bigint NO
        spend double_precision NO
        api_requests bigint NO
        successful_requests bigint NO
        failed_requests bigint NO
        created_at timestamp(3) NO
        updated_at timestamp(3) NO
        """);

    [Fact]
    public async Task Migrate_FreshDatabase_IndexesKeepPrismaNames()
    {
        var indexes = await QueryAsync(
            "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'", reader => reader.GetString(0));

        Assert.Contains(indexes, i => i.StartsWith("LiteLLM_VerificationToken_pkey ", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.StartsWith("LiteLLM_VerificationToken_user_id_team_id_idx ", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.StartsWith("LiteLLM_SpendLogs_startTime_request_id_idx ", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.StartsWith("LiteLLM_UserTable_sso_user_id_key CREATE UNIQUE INDEX", StringComparison.Ordinal));
        var dailyKey = Assert.Single(indexes, i => i.StartsWith("LiteLLM_DailyTeamSpend_team_id_date_api_key_model_custom_ll_key ", StringComparison.Ordinal));
        Assert.EndsWith("NULLS NOT DISTINCT", dailyKey, StringComparison.Ordinal);
        var globalKey = Assert.Single(indexes, i => i.StartsWith("LiteLLM_DailyGlobalSpend_date_model_model_group_custom_llm__key ", StringComparison.Ordinal));
        Assert.EndsWith("NULLS NOT DISTINCT", globalKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_FreshDatabase_LogsPagesIndexesCarryRequestId_AndDailyPagesIndexMatchesTheirOrder()
    {
        var indexes = await QueryAsync(
            "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'", reader => reader.GetString(0));

        foreach (var column in new[] { "api_key", "user", "team_id", "model" })
        {
            var index = Assert.Single(indexes, i => i.StartsWith($"LiteLLM_SpendLogs_{column}_startTime_idx ", StringComparison.Ordinal));
            Assert.EndsWith("\"startTime\") INCLUDE (request_id)", index, StringComparison.Ordinal);
        }

        var daily = Assert.Single(indexes, i => i.StartsWith("LiteLLM_DailyUserSpend_date_id_idx ", StringComparison.Ordinal));
        Assert.EndsWith("(date DESC, id)", daily, StringComparison.Ordinal);
    }

    // Expected rows are "name type nullable"; types as PostgreSQL names them, with a space written as '_'.
    private async Task AssertColumnsAsync(string table, string expected)
    {
        var actual = await QueryAsync(
            """
            SELECT column_name, data_type, udt_name, datetime_precision, is_nullable
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table ORDER BY column_name
            """,
            reader => $"{reader.GetString(0)} {TypeName(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3))} {reader.GetString(4)}",
            ("table", table));

        var wanted = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal);
        Assert.Equal(wanted, actual.Order(StringComparer.Ordinal));
    }

    private static string TypeName(string dataType, string udtName, int? precision) => dataType switch
    {
        "ARRAY" => udtName.TrimStart('_') + "[]",
        "timestamp without time zone" => $"timestamp({precision})",
        _ => dataType.Replace(' ', '_'),
    };

    private async Task<List<string>> QueryAsync(string sql, Func<NpgsqlDataReader, string> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(postgres.MigratedDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
