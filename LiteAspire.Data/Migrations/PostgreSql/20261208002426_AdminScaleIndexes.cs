using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiteAspire.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AdminScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "LiteLLM_SpendLogs_api_key_startTime_idx",
                table: "LiteLLM_SpendLogs");

            migrationBuilder.DropIndex(
                name: "LiteLLM_SpendLogs_team_id_startTime_idx",
                table: "LiteLLM_SpendLogs");

            migrationBuilder.DropIndex(
                name: "LiteLLM_SpendLogs_user_startTime_idx",
                table: "LiteLLM_SpendLogs");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_api_key_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "api_key", "startTime" })
                .Annotation("Npgsql:IndexInclude", new[] { "request_id" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_model_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "model", "startTime" })
                .Annotation("Npgsql:IndexInclude", new[] { "request_id" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_team_id_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "team_id", "startTime" })
                .Annotation("Npgsql:IndexInclude", new[] { "request_id" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_user_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "user", "startTime" })
                .Annotation("Npgsql:IndexInclude", new[] { "request_id" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyUserSpend_date_id_idx",
                table: "LiteLLM_DailyUserSpend",
                columns: new[] { "date", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTeamSpend_date_id_idx",
                table: "LiteLLM_DailyTeamSpend",
                columns: new[] { "date", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTagSpend_date_id_idx",
                table: "LiteLLM_DailyTagSpend",
                columns: new[] { "date", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyOrganizationSpend_date_id_idx",
                table: "LiteLLM_DailyOrganizationSpend",
                columns: new[] { "date", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyEndUserSpend_date_id_idx",
                table: "LiteLLM_DailyEndUserSpend",
                columns: new[] { "date", "id" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "LiteLLM_SpendLogs_api_key_startTime_idx",
                table: "LiteLLM_SpendLogs");

            migrationBuilder.DropIndex(
                name: "LiteLLM_SpendLogs_model_startTime_idx",
                table: "LiteLLM_SpendLogs");

            migrationBuilder.DropIndex(
                name: "LiteLLM_SpendLogs_team_id_startTime_idx",
                table: "LiteLLM_SpendLogs");

            migrationBuilder.DropIndex(
                name: "LiteLLM_SpendLogs_user_startTime_idx",
                table: "LiteLLM_SpendLogs");

            migrationBuilder.DropIndex(
                name: "LiteLLM_DailyUserSpend_date_id_idx",
                table: "LiteLLM_DailyUserSpend");

            migrationBuilder.DropIndex(
                name: "LiteLLM_DailyTeamSpend_date_id_idx",
                table: "LiteLLM_DailyTeamSpend");

            migrationBuilder.DropIndex(
                name: "LiteLLM_DailyTagSpend_date_id_idx",
                table: "LiteLLM_DailyTagSpend");

            migrationBuilder.DropIndex(
                name: "LiteLLM_DailyOrganizationSpend_date_id_idx",
                table: "LiteLLM_DailyOrganizationSpend");

            migrationBuilder.DropIndex(
                name: "LiteLLM_DailyEndUserSpend_date_id_idx",
                table: "LiteLLM_DailyEndUserSpend");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_api_key_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "api_key", "startTime" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_team_id_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "team_id", "startTime" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_user_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "user", "startTime" });
        }
    }
}
