using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiteAspire.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialLiteLLMSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiteLLM_AuditLog",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    changed_by = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    changed_by_api_key = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    action = table.Column<string>(type: "text", nullable: false),
                    table_name = table.Column<string>(type: "text", nullable: false),
                    object_id = table.Column<string>(type: "text", nullable: false),
                    before_value = table.Column<string>(type: "jsonb", nullable: true),
                    updated_values = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_AuditLog_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_BudgetTable",
                columns: table => new
                {
                    budget_id = table.Column<string>(type: "text", nullable: false),
                    max_budget = table.Column<double>(type: "double precision", nullable: true),
                    soft_budget = table.Column<double>(type: "double precision", nullable: true),
                    max_parallel_requests = table.Column<int>(type: "integer", nullable: true),
                    tpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    rpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    model_max_budget = table.Column<string>(type: "jsonb", nullable: true),
                    budget_duration = table.Column<string>(type: "text", nullable: true),
                    budget_reset_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    allowed_models = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_BudgetTable_pkey", x => x.budget_id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_Config",
                columns: table => new
                {
                    param_name = table.Column<string>(type: "text", nullable: false),
                    param_value = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_Config_pkey", x => x.param_name);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_DailyEndUserSpend",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    end_user_id = table.Column<string>(type: "text", nullable: true),
                    date = table.Column<string>(type: "text", nullable: false),
                    api_key = table.Column<string>(type: "text", nullable: false),
                    model = table.Column<string>(type: "text", nullable: true),
                    model_group = table.Column<string>(type: "text", nullable: true),
                    custom_llm_provider = table.Column<string>(type: "text", nullable: true),
                    mcp_namespaced_tool_name = table.Column<string>(type: "text", nullable: true),
                    endpoint = table.Column<string>(type: "text", nullable: true),
                    prompt_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    completion_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_read_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_creation_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    api_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    successful_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    failed_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_DailyEndUserSpend_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_DailyOrganizationSpend",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: true),
                    date = table.Column<string>(type: "text", nullable: false),
                    api_key = table.Column<string>(type: "text", nullable: false),
                    model = table.Column<string>(type: "text", nullable: true),
                    model_group = table.Column<string>(type: "text", nullable: true),
                    custom_llm_provider = table.Column<string>(type: "text", nullable: true),
                    mcp_namespaced_tool_name = table.Column<string>(type: "text", nullable: true),
                    endpoint = table.Column<string>(type: "text", nullable: true),
                    prompt_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    completion_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_read_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_creation_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    api_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    successful_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    failed_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_DailyOrganizationSpend_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_DailyTagSpend",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    tag = table.Column<string>(type: "text", nullable: true),
                    request_id = table.Column<string>(type: "text", nullable: true),
                    date = table.Column<string>(type: "text", nullable: false),
                    api_key = table.Column<string>(type: "text", nullable: false),
                    model = table.Column<string>(type: "text", nullable: true),
                    model_group = table.Column<string>(type: "text", nullable: true),
                    custom_llm_provider = table.Column<string>(type: "text", nullable: true),
                    mcp_namespaced_tool_name = table.Column<string>(type: "text", nullable: true),
                    endpoint = table.Column<string>(type: "text", nullable: true),
                    prompt_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    completion_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_read_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_creation_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    api_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    successful_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    failed_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_DailyTagSpend_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_DailyTeamSpend",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    team_id = table.Column<string>(type: "text", nullable: true),
                    date = table.Column<string>(type: "text", nullable: false),
                    api_key = table.Column<string>(type: "text", nullable: false),
                    model = table.Column<string>(type: "text", nullable: true),
                    model_group = table.Column<string>(type: "text", nullable: true),
                    custom_llm_provider = table.Column<string>(type: "text", nullable: true),
                    mcp_namespaced_tool_name = table.Column<string>(type: "text", nullable: true),
                    endpoint = table.Column<string>(type: "text", nullable: true),
                    prompt_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    completion_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_read_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_creation_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    api_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    successful_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    failed_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_DailyTeamSpend_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_DailyUserSpend",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    date = table.Column<string>(type: "text", nullable: false),
                    api_key = table.Column<string>(type: "text", nullable: false),
                    model = table.Column<string>(type: "text", nullable: true),
                    model_group = table.Column<string>(type: "text", nullable: true),
                    custom_llm_provider = table.Column<string>(type: "text", nullable: true),
                    mcp_namespaced_tool_name = table.Column<string>(type: "text", nullable: true),
                    endpoint = table.Column<string>(type: "text", nullable: true),
                    prompt_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    completion_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_read_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    cache_creation_input_tokens = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    api_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    successful_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    failed_requests = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_DailyUserSpend_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_DeletedTeamTable",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    team_id = table.Column<string>(type: "text", nullable: false),
                    team_alias = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<string>(type: "text", nullable: true),
                    object_permission_id = table.Column<string>(type: "text", nullable: true),
                    admins = table.Column<List<string>>(type: "text[]", nullable: true),
                    members = table.Column<List<string>>(type: "text[]", nullable: true),
                    members_with_roles = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    metadata = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    max_budget = table.Column<double>(type: "double precision", nullable: true),
                    soft_budget = table.Column<double>(type: "double precision", nullable: true),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    models = table.Column<List<string>>(type: "text[]", nullable: true),
                    max_parallel_requests = table.Column<int>(type: "integer", nullable: true),
                    tpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    rpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    budget_duration = table.Column<string>(type: "text", nullable: true),
                    budget_reset_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    blocked = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    model_spend = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    model_max_budget = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    router_settings = table.Column<string>(type: "jsonb", nullable: true, defaultValueSql: "'{}'::jsonb"),
                    team_member_permissions = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    access_group_ids = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    policies = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    model_id = table.Column<int>(type: "integer", nullable: true),
                    allow_team_guardrail_config = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    deleted_by = table.Column<string>(type: "text", nullable: true),
                    deleted_by_api_key = table.Column<string>(type: "text", nullable: true),
                    litellm_changed_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_DeletedTeamTable_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_DeletedVerificationToken",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    token = table.Column<string>(type: "text", nullable: false),
                    key_name = table.Column<string>(type: "text", nullable: true),
                    key_alias = table.Column<string>(type: "text", nullable: true),
                    soft_budget_cooldown = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    expires = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    models = table.Column<List<string>>(type: "text[]", nullable: true),
                    aliases = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    config = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    team_id = table.Column<string>(type: "text", nullable: true),
                    agent_id = table.Column<string>(type: "text", nullable: true),
                    project_id = table.Column<string>(type: "text", nullable: true),
                    permissions = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    max_parallel_requests = table.Column<int>(type: "integer", nullable: true),
                    metadata = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    blocked = table.Column<bool>(type: "boolean", nullable: true),
                    tpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    rpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    max_budget = table.Column<double>(type: "double precision", nullable: true),
                    budget_duration = table.Column<string>(type: "text", nullable: true),
                    budget_reset_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    allowed_cache_controls = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    allowed_routes = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    policies = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    access_group_ids = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    model_spend = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    model_max_budget = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    router_settings = table.Column<string>(type: "jsonb", nullable: true, defaultValueSql: "'{}'::jsonb"),
                    budget_id = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<string>(type: "text", nullable: true),
                    object_permission_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    created_by = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    updated_by = table.Column<string>(type: "text", nullable: true),
                    last_active = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    rotation_count = table.Column<int>(type: "integer", nullable: true, defaultValue: 0),
                    auto_rotate = table.Column<bool>(type: "boolean", nullable: true, defaultValue: false),
                    rotation_interval = table.Column<string>(type: "text", nullable: true),
                    last_rotation_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    key_rotation_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    key_type = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    deleted_by = table.Column<string>(type: "text", nullable: true),
                    deleted_by_api_key = table.Column<string>(type: "text", nullable: true),
                    litellm_changed_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_DeletedVerificationToken_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_DeprecatedVerificationToken",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    token = table.Column<string>(type: "text", nullable: false),
                    active_token_id = table.Column<string>(type: "text", nullable: false),
                    revoke_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP")
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_DeprecatedVerificationToken_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_ErrorLogs",
                columns: table => new
                {
                    request_id = table.Column<string>(type: "text", nullable: false),
                    startTime = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false),
                    endTime = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false),
                    api_base = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    model_group = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    litellm_model_name = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    model_id = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    request_kwargs = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    exception_type = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    exception_string = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    status_code = table.Column<string>(type: "text", nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_ErrorLogs_pkey", x => x.request_id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_ProxyModelTable",
                columns: table => new
                {
                    model_id = table.Column<string>(type: "text", nullable: false),
                    model_name = table.Column<string>(type: "text", nullable: false),
                    litellm_params = table.Column<string>(type: "jsonb", nullable: false),
                    model_info = table.Column<string>(type: "jsonb", nullable: true),
                    blocked = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_ProxyModelTable_pkey", x => x.model_id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_SpendLogs",
                columns: table => new
                {
                    request_id = table.Column<string>(type: "text", nullable: false),
                    call_type = table.Column<string>(type: "text", nullable: false),
                    api_key = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    total_tokens = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    prompt_tokens = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    completion_tokens = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    startTime = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false),
                    endTime = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false),
                    request_duration_ms = table.Column<int>(type: "integer", nullable: true),
                    completionStartTime = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    model = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    model_id = table.Column<string>(type: "text", nullable: true, defaultValue: ""),
                    model_group = table.Column<string>(type: "text", nullable: true, defaultValue: ""),
                    custom_llm_provider = table.Column<string>(type: "text", nullable: true, defaultValue: ""),
                    api_base = table.Column<string>(type: "text", nullable: true, defaultValue: ""),
                    user = table.Column<string>(type: "text", nullable: true, defaultValue: ""),
                    metadata = table.Column<string>(type: "jsonb", nullable: true, defaultValueSql: "'{}'::jsonb"),
                    cache_hit = table.Column<string>(type: "text", nullable: true, defaultValue: ""),
                    cache_key = table.Column<string>(type: "text", nullable: true, defaultValue: ""),
                    request_tags = table.Column<string>(type: "jsonb", nullable: true, defaultValueSql: "'[]'::jsonb"),
                    team_id = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<string>(type: "text", nullable: true),
                    end_user = table.Column<string>(type: "text", nullable: true),
                    requester_ip_address = table.Column<string>(type: "text", nullable: true),
                    messages = table.Column<string>(type: "jsonb", nullable: true, defaultValueSql: "'{}'::jsonb"),
                    response = table.Column<string>(type: "jsonb", nullable: true, defaultValueSql: "'{}'::jsonb"),
                    session_id = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    mcp_namespaced_tool_name = table.Column<string>(type: "text", nullable: true),
                    agent_id = table.Column<string>(type: "text", nullable: true),
                    proxy_server_request = table.Column<string>(type: "jsonb", nullable: true, defaultValueSql: "'{}'::jsonb")
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_SpendLogs_pkey", x => x.request_id);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_EndUserTable",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    alias = table.Column<string>(type: "text", nullable: true),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    allowed_model_region = table.Column<string>(type: "text", nullable: true),
                    default_model = table.Column<string>(type: "text", nullable: true),
                    budget_id = table.Column<string>(type: "text", nullable: true),
                    object_permission_id = table.Column<string>(type: "text", nullable: true),
                    blocked = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_EndUserTable_pkey", x => x.user_id);
                    table.ForeignKey(
                        name: "LiteLLM_EndUserTable_budget_id_fkey",
                        column: x => x.budget_id,
                        principalTable: "LiteLLM_BudgetTable",
                        principalColumn: "budget_id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_OrganizationTable",
                columns: table => new
                {
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    organization_alias = table.Column<string>(type: "text", nullable: false),
                    budget_id = table.Column<string>(type: "text", nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    models = table.Column<List<string>>(type: "text[]", nullable: true),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    model_spend = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    object_permission_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_OrganizationTable_pkey", x => x.organization_id);
                    table.ForeignKey(
                        name: "LiteLLM_OrganizationTable_budget_id_fkey",
                        column: x => x.budget_id,
                        principalTable: "LiteLLM_BudgetTable",
                        principalColumn: "budget_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_TagTable",
                columns: table => new
                {
                    tag_name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    models = table.Column<List<string>>(type: "text[]", nullable: true),
                    model_info = table.Column<string>(type: "jsonb", nullable: true),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    budget_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    created_by = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP")
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_TagTable_pkey", x => x.tag_name);
                    table.ForeignKey(
                        name: "LiteLLM_TagTable_budget_id_fkey",
                        column: x => x.budget_id,
                        principalTable: "LiteLLM_BudgetTable",
                        principalColumn: "budget_id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_TeamMembership",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    team_id = table.Column<string>(type: "text", nullable: false),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    total_spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    budget_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_TeamMembership_pkey", x => new { x.user_id, x.team_id });
                    table.ForeignKey(
                        name: "LiteLLM_TeamMembership_budget_id_fkey",
                        column: x => x.budget_id,
                        principalTable: "LiteLLM_BudgetTable",
                        principalColumn: "budget_id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_TeamTable",
                columns: table => new
                {
                    team_id = table.Column<string>(type: "text", nullable: false),
                    team_alias = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<string>(type: "text", nullable: true),
                    object_permission_id = table.Column<string>(type: "text", nullable: true),
                    admins = table.Column<List<string>>(type: "text[]", nullable: true),
                    members = table.Column<List<string>>(type: "text[]", nullable: true),
                    members_with_roles = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    metadata = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    max_budget = table.Column<double>(type: "double precision", nullable: true),
                    soft_budget = table.Column<double>(type: "double precision", nullable: true),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    models = table.Column<List<string>>(type: "text[]", nullable: true),
                    max_parallel_requests = table.Column<int>(type: "integer", nullable: true),
                    tpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    rpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    budget_duration = table.Column<string>(type: "text", nullable: true),
                    budget_reset_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    blocked = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: false, defaultValueSql: "CURRENT_TIMESTAMP"),
                    model_spend = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    model_max_budget = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    router_settings = table.Column<string>(type: "jsonb", nullable: true, defaultValueSql: "'{}'::jsonb"),
                    team_member_permissions = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    access_group_ids = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    policies = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    default_team_member_models = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    budget_limits = table.Column<string>(type: "jsonb", nullable: true),
                    model_id = table.Column<int>(type: "integer", nullable: true),
                    allow_team_guardrail_config = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_TeamTable_pkey", x => x.team_id);
                    table.ForeignKey(
                        name: "LiteLLM_TeamTable_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "LiteLLM_OrganizationTable",
                        principalColumn: "organization_id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_UserTable",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    user_alias = table.Column<string>(type: "text", nullable: true),
                    team_id = table.Column<string>(type: "text", nullable: true),
                    sso_user_id = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<string>(type: "text", nullable: true),
                    object_permission_id = table.Column<string>(type: "text", nullable: true),
                    password = table.Column<string>(type: "text", nullable: true),
                    teams = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    user_role = table.Column<string>(type: "text", nullable: true),
                    max_budget = table.Column<double>(type: "double precision", nullable: true),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    user_email = table.Column<string>(type: "text", nullable: true),
                    models = table.Column<List<string>>(type: "text[]", nullable: true),
                    metadata = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    max_parallel_requests = table.Column<int>(type: "integer", nullable: true),
                    tpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    rpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    budget_duration = table.Column<string>(type: "text", nullable: true),
                    budget_reset_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    allowed_cache_controls = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    policies = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    model_spend = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    model_max_budget = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true, defaultValueSql: "CURRENT_TIMESTAMP")
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_UserTable_pkey", x => x.user_id);
                    table.ForeignKey(
                        name: "LiteLLM_UserTable_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "LiteLLM_OrganizationTable",
                        principalColumn: "organization_id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_VerificationToken",
                columns: table => new
                {
                    token = table.Column<string>(type: "text", nullable: false),
                    key_name = table.Column<string>(type: "text", nullable: true),
                    key_alias = table.Column<string>(type: "text", nullable: true),
                    soft_budget_cooldown = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    spend = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    expires = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    models = table.Column<List<string>>(type: "text[]", nullable: true),
                    aliases = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    config = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    router_settings = table.Column<string>(type: "jsonb", nullable: true, defaultValueSql: "'{}'::jsonb"),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    team_id = table.Column<string>(type: "text", nullable: true),
                    agent_id = table.Column<string>(type: "text", nullable: true),
                    project_id = table.Column<string>(type: "text", nullable: true),
                    permissions = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    max_parallel_requests = table.Column<int>(type: "integer", nullable: true),
                    metadata = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    blocked = table.Column<bool>(type: "boolean", nullable: true),
                    tpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    rpm_limit = table.Column<long>(type: "bigint", nullable: true),
                    max_budget = table.Column<double>(type: "double precision", nullable: true),
                    budget_duration = table.Column<string>(type: "text", nullable: true),
                    budget_reset_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    allowed_cache_controls = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    allowed_routes = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    policies = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    access_group_ids = table.Column<List<string>>(type: "text[]", nullable: true, defaultValueSql: "ARRAY[]::text[]"),
                    model_spend = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    model_max_budget = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    budget_id = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<string>(type: "text", nullable: true),
                    object_permission_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true, defaultValueSql: "CURRENT_TIMESTAMP"),
                    created_by = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_by = table.Column<string>(type: "text", nullable: true),
                    last_active = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    rotation_count = table.Column<int>(type: "integer", nullable: true, defaultValue: 0),
                    auto_rotate = table.Column<bool>(type: "boolean", nullable: true, defaultValue: false),
                    rotation_interval = table.Column<string>(type: "text", nullable: true),
                    last_rotation_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    key_rotation_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true),
                    budget_limits = table.Column<string>(type: "jsonb", nullable: true),
                    key_type = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_VerificationToken_pkey", x => x.token);
                    table.ForeignKey(
                        name: "LiteLLM_VerificationToken_budget_id_fkey",
                        column: x => x.budget_id,
                        principalTable: "LiteLLM_BudgetTable",
                        principalColumn: "budget_id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "LiteLLM_VerificationToken_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "LiteLLM_OrganizationTable",
                        principalColumn: "organization_id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LiteLLM_OrganizationMembership",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    user_role = table.Column<string>(type: "text", nullable: true),
                    spend = table.Column<double>(type: "double precision", nullable: true, defaultValue: 0.0),
                    budget_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true, defaultValueSql: "CURRENT_TIMESTAMP"),
                    updated_at = table.Column<DateTime>(type: "timestamp(3) without time zone", precision: 3, nullable: true, defaultValueSql: "CURRENT_TIMESTAMP")
                },
                constraints: table =>
                {
                    table.PrimaryKey("LiteLLM_OrganizationMembership_pkey", x => new { x.user_id, x.organization_id });
                    table.ForeignKey(
                        name: "LiteLLM_OrganizationMembership_budget_id_fkey",
                        column: x => x.budget_id,
                        principalTable: "LiteLLM_BudgetTable",
                        principalColumn: "budget_id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "LiteLLM_OrganizationMembership_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "LiteLLM_OrganizationTable",
                        principalColumn: "organization_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "LiteLLM_OrganizationMembership_user_id_fkey",
                        column: x => x.user_id,
                        principalTable: "LiteLLM_UserTable",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyEndUserSpend_api_key_idx",
                table: "LiteLLM_DailyEndUserSpend",
                column: "api_key");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyEndUserSpend_date_idx",
                table: "LiteLLM_DailyEndUserSpend",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyEndUserSpend_end_user_id_date_api_key_model_cu_key",
                table: "LiteLLM_DailyEndUserSpend",
                columns: new[] { "end_user_id", "date", "api_key", "model", "custom_llm_provider", "mcp_namespaced_tool_name", "endpoint" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyEndUserSpend_end_user_id_date_idx",
                table: "LiteLLM_DailyEndUserSpend",
                columns: new[] { "end_user_id", "date" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyEndUserSpend_endpoint_idx",
                table: "LiteLLM_DailyEndUserSpend",
                column: "endpoint");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyEndUserSpend_mcp_namespaced_tool_name_idx",
                table: "LiteLLM_DailyEndUserSpend",
                column: "mcp_namespaced_tool_name");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyEndUserSpend_model_idx",
                table: "LiteLLM_DailyEndUserSpend",
                column: "model");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyOrganizationSpend_api_key_idx",
                table: "LiteLLM_DailyOrganizationSpend",
                column: "api_key");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyOrganizationSpend_date_idx",
                table: "LiteLLM_DailyOrganizationSpend",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyOrganizationSpend_endpoint_idx",
                table: "LiteLLM_DailyOrganizationSpend",
                column: "endpoint");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyOrganizationSpend_mcp_namespaced_tool_name_idx",
                table: "LiteLLM_DailyOrganizationSpend",
                column: "mcp_namespaced_tool_name");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyOrganizationSpend_model_idx",
                table: "LiteLLM_DailyOrganizationSpend",
                column: "model");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyOrganizationSpend_organization_id_date_api_key_key",
                table: "LiteLLM_DailyOrganizationSpend",
                columns: new[] { "organization_id", "date", "api_key", "model", "custom_llm_provider", "mcp_namespaced_tool_name", "endpoint" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyOrganizationSpend_organization_id_date_idx",
                table: "LiteLLM_DailyOrganizationSpend",
                columns: new[] { "organization_id", "date" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTagSpend_api_key_idx",
                table: "LiteLLM_DailyTagSpend",
                column: "api_key");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTagSpend_date_idx",
                table: "LiteLLM_DailyTagSpend",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTagSpend_endpoint_idx",
                table: "LiteLLM_DailyTagSpend",
                column: "endpoint");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTagSpend_mcp_namespaced_tool_name_idx",
                table: "LiteLLM_DailyTagSpend",
                column: "mcp_namespaced_tool_name");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTagSpend_model_idx",
                table: "LiteLLM_DailyTagSpend",
                column: "model");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTagSpend_tag_date_api_key_model_custom_llm_pro_key",
                table: "LiteLLM_DailyTagSpend",
                columns: new[] { "tag", "date", "api_key", "model", "custom_llm_provider", "mcp_namespaced_tool_name", "endpoint" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTagSpend_tag_date_idx",
                table: "LiteLLM_DailyTagSpend",
                columns: new[] { "tag", "date" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTeamSpend_api_key_idx",
                table: "LiteLLM_DailyTeamSpend",
                column: "api_key");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTeamSpend_date_idx",
                table: "LiteLLM_DailyTeamSpend",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTeamSpend_endpoint_idx",
                table: "LiteLLM_DailyTeamSpend",
                column: "endpoint");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTeamSpend_mcp_namespaced_tool_name_idx",
                table: "LiteLLM_DailyTeamSpend",
                column: "mcp_namespaced_tool_name");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTeamSpend_model_idx",
                table: "LiteLLM_DailyTeamSpend",
                column: "model");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTeamSpend_team_id_date_api_key_model_custom_ll_key",
                table: "LiteLLM_DailyTeamSpend",
                columns: new[] { "team_id", "date", "api_key", "model", "custom_llm_provider", "mcp_namespaced_tool_name", "endpoint" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyTeamSpend_team_id_date_idx",
                table: "LiteLLM_DailyTeamSpend",
                columns: new[] { "team_id", "date" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyUserSpend_api_key_idx",
                table: "LiteLLM_DailyUserSpend",
                column: "api_key");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyUserSpend_date_idx",
                table: "LiteLLM_DailyUserSpend",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyUserSpend_endpoint_idx",
                table: "LiteLLM_DailyUserSpend",
                column: "endpoint");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyUserSpend_mcp_namespaced_tool_name_idx",
                table: "LiteLLM_DailyUserSpend",
                column: "mcp_namespaced_tool_name");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyUserSpend_model_idx",
                table: "LiteLLM_DailyUserSpend",
                column: "model");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyUserSpend_user_id_date_api_key_model_custom_ll_key",
                table: "LiteLLM_DailyUserSpend",
                columns: new[] { "user_id", "date", "api_key", "model", "custom_llm_provider", "mcp_namespaced_tool_name", "endpoint" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DailyUserSpend_user_id_date_idx",
                table: "LiteLLM_DailyUserSpend",
                columns: new[] { "user_id", "date" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedTeamTable_created_at_idx",
                table: "LiteLLM_DeletedTeamTable",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedTeamTable_deleted_at_idx",
                table: "LiteLLM_DeletedTeamTable",
                column: "deleted_at");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedTeamTable_organization_id_idx",
                table: "LiteLLM_DeletedTeamTable",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedTeamTable_team_alias_idx",
                table: "LiteLLM_DeletedTeamTable",
                column: "team_alias");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedTeamTable_team_id_idx",
                table: "LiteLLM_DeletedTeamTable",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedVerificationToken_created_at_idx",
                table: "LiteLLM_DeletedVerificationToken",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedVerificationToken_deleted_at_idx",
                table: "LiteLLM_DeletedVerificationToken",
                column: "deleted_at");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedVerificationToken_key_alias_idx",
                table: "LiteLLM_DeletedVerificationToken",
                column: "key_alias");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedVerificationToken_organization_id_idx",
                table: "LiteLLM_DeletedVerificationToken",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedVerificationToken_team_id_idx",
                table: "LiteLLM_DeletedVerificationToken",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedVerificationToken_token_idx",
                table: "LiteLLM_DeletedVerificationToken",
                column: "token");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeletedVerificationToken_user_id_idx",
                table: "LiteLLM_DeletedVerificationToken",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeprecatedVerificationToken_revoke_at_idx",
                table: "LiteLLM_DeprecatedVerificationToken",
                column: "revoke_at");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeprecatedVerificationToken_token_key",
                table: "LiteLLM_DeprecatedVerificationToken",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "LiteLLM_DeprecatedVerificationToken_token_revoke_at_idx",
                table: "LiteLLM_DeprecatedVerificationToken",
                columns: new[] { "token", "revoke_at" });

            migrationBuilder.CreateIndex(
                name: "IX_LiteLLM_EndUserTable_budget_id",
                table: "LiteLLM_EndUserTable",
                column: "budget_id");

            migrationBuilder.CreateIndex(
                name: "IX_LiteLLM_OrganizationMembership_budget_id",
                table: "LiteLLM_OrganizationMembership",
                column: "budget_id");

            migrationBuilder.CreateIndex(
                name: "IX_LiteLLM_OrganizationMembership_organization_id",
                table: "LiteLLM_OrganizationMembership",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_OrganizationMembership_user_id_organization_id_key",
                table: "LiteLLM_OrganizationMembership",
                columns: new[] { "user_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiteLLM_OrganizationTable_budget_id",
                table: "LiteLLM_OrganizationTable",
                column: "budget_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_api_key_startTime_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "api_key", "startTime" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_end_user_idx",
                table: "LiteLLM_SpendLogs",
                column: "end_user");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_session_id_idx",
                table: "LiteLLM_SpendLogs",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_startTime_idx",
                table: "LiteLLM_SpendLogs",
                column: "startTime");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_SpendLogs_startTime_request_id_idx",
                table: "LiteLLM_SpendLogs",
                columns: new[] { "startTime", "request_id" });

            migrationBuilder.CreateIndex(
                name: "IX_LiteLLM_TagTable_budget_id",
                table: "LiteLLM_TagTable",
                column: "budget_id");

            migrationBuilder.CreateIndex(
                name: "IX_LiteLLM_TeamMembership_budget_id",
                table: "LiteLLM_TeamMembership",
                column: "budget_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_TeamTable_created_at_idx",
                table: "LiteLLM_TeamTable",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_TeamTable_model_id_key",
                table: "LiteLLM_TeamTable",
                column: "model_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "LiteLLM_TeamTable_organization_id_idx",
                table: "LiteLLM_TeamTable",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_TeamTable_team_alias_idx",
                table: "LiteLLM_TeamTable",
                column: "team_alias");

            migrationBuilder.CreateIndex(
                name: "IX_LiteLLM_UserTable_organization_id",
                table: "LiteLLM_UserTable",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_UserTable_sso_user_id_key",
                table: "LiteLLM_UserTable",
                column: "sso_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiteLLM_VerificationToken_budget_id",
                table: "LiteLLM_VerificationToken",
                column: "budget_id");

            migrationBuilder.CreateIndex(
                name: "IX_LiteLLM_VerificationToken_organization_id",
                table: "LiteLLM_VerificationToken",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_VerificationToken_budget_reset_at_expires_idx",
                table: "LiteLLM_VerificationToken",
                columns: new[] { "budget_reset_at", "expires" });

            migrationBuilder.CreateIndex(
                name: "LiteLLM_VerificationToken_team_id_idx",
                table: "LiteLLM_VerificationToken",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "LiteLLM_VerificationToken_user_id_team_id_idx",
                table: "LiteLLM_VerificationToken",
                columns: new[] { "user_id", "team_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiteLLM_AuditLog");

            migrationBuilder.DropTable(
                name: "LiteLLM_Config");

            migrationBuilder.DropTable(
                name: "LiteLLM_DailyEndUserSpend");

            migrationBuilder.DropTable(
                name: "LiteLLM_DailyOrganizationSpend");

            migrationBuilder.DropTable(
                name: "LiteLLM_DailyTagSpend");

            migrationBuilder.DropTable(
                name: "LiteLLM_DailyTeamSpend");

            migrationBuilder.DropTable(
                name: "LiteLLM_DailyUserSpend");

            migrationBuilder.DropTable(
                name: "LiteLLM_DeletedTeamTable");

            migrationBuilder.DropTable(
                name: "LiteLLM_DeletedVerificationToken");

            migrationBuilder.DropTable(
                name: "LiteLLM_DeprecatedVerificationToken");

            migrationBuilder.DropTable(
                name: "LiteLLM_EndUserTable");

            migrationBuilder.DropTable(
                name: "LiteLLM_ErrorLogs");

            migrationBuilder.DropTable(
                name: "LiteLLM_OrganizationMembership");

            migrationBuilder.DropTable(
                name: "LiteLLM_ProxyModelTable");

            migrationBuilder.DropTable(
                name: "LiteLLM_SpendLogs");

            migrationBuilder.DropTable(
                name: "LiteLLM_TagTable");

            migrationBuilder.DropTable(
                name: "LiteLLM_TeamMembership");

            migrationBuilder.DropTable(
                name: "LiteLLM_TeamTable");

            migrationBuilder.DropTable(
                name: "LiteLLM_VerificationToken");

            migrationBuilder.DropTable(
                name: "LiteLLM_UserTable");

            migrationBuilder.DropTable(
                name: "LiteLLM_OrganizationTable");

            migrationBuilder.DropTable(
                name: "LiteLLM_BudgetTable");
        }
    }
}
