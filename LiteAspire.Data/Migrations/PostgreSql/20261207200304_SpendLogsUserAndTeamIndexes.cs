using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiteAspire.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SpendLogsUserAndTeamIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_team_id_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "team_id", "startTime" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_user_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "user", "startTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "LiteLLM_SpendLogs_team_id_startTime_idx",
                table: "LiteLLM_SpendLogs");

            migrationBuilder.DropIndex(
                name: "LiteLLM_SpendLogs_user_startTime_idx",
                table: "LiteLLM_SpendLogs");
        }
    }
}
