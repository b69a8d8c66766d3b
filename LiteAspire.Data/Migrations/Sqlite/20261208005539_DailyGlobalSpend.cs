using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiteAspire.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DailyGlobalSpend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiteLLM_DailyGlobalSpend",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    date = table.Column<string>(type: "TEXT", nullable: false),
                    model = table.Column<string>(type: "TEXT", nullable: true),
                    model_group = table.Column<string>(type: "TEXT", nullable: true),
                    custom_llm_provider = table.Column<string>(type: "TEXT", nullable: true),
                    mcp_namespaced_tool_name = table.Column<string>(type: "TEXT", nullable: true),
                    endpoint = table.Column<string>(type: "TEXT", nullable: true),
                    prompt_tokens = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    completion_tokens = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    cache_read_input_tokens = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    cache_creation_input_tokens = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    spend = table.Column<double>(type: "REAL", nullable: false, defaultValue: 0.0),
                    api_requests = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    successful_requests = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    failed_requests = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    created_at = table.Column<DateTime>(type: "TEXT", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_at = table.Column<DateTime>(type: "TEXT", precision: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_DailyGlobalSpend_pkey", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyGlobalSpend_date_model_model_group_custom_llm__key",
                table: "LiteLLM_DailyGlobalSpend",
                columns: new[] { "date", "model", "model_group", "custom_llm_provider", "mcp_namespaced_tool_name", "endpoint" },
                unique: true);

            // The days already recorded: the per-user rows (one per request's user, key, model and day) summed, as the spend
            // writer adds every later request to both.
            migrationBuilder.Sql("""
                INSERT INTO "LiteLLM_DailyGlobalSpend" (id, date, model, model_group, custom_llm_provider, mcp_namespaced_tool_name, endpoint,
                    prompt_tokens, completion_tokens, cache_read_input_tokens, cache_creation_input_tokens, spend, api_requests,
                    successful_requests, failed_requests, created_at, updated_at)
                SELECT lower(hex(randomblob(16))), date, model, model_group, custom_llm_provider, mcp_namespaced_tool_name, endpoint,
                    SUM(prompt_tokens), SUM(completion_tokens), SUM(cache_read_input_tokens), SUM(cache_creation_input_tokens), SUM(spend),
                    SUM(api_requests), SUM(successful_requests), SUM(failed_requests), MIN(created_at), MAX(updated_at)
                FROM "LiteLLM_DailyUserSpend"
                GROUP BY date, model, model_group, custom_llm_provider, mcp_namespaced_tool_name, endpoint
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiteLLM_DailyGlobalSpend");
        }
    }
}
