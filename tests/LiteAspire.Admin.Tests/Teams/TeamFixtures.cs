namespace LiteAspire.Admin.Tests.Teams;

/// <summary>Answers of the real proxy (captured with curl), spend figures changed so the page has something to show.</summary>
internal static class TeamFixtures
{
    public const string SearchTeamId = "2c328912-c4c4-474d-b58d-1e433c5cad24";

    /// <summary><c>GET /team/list</c>: a blocked team without members, and a team with two members, one key and an organization.</summary>
    public const string TeamList = """
        [{"team_id":"team-billing","team_alias":"Billing","organization_id":null,"admins":[],"members":[],"members_with_roles":[],"metadata":{},"max_budget":null,"soft_budget":null,"spend":0,"models":[],"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,"blocked":true,"model_spend":{},"model_max_budget":{},"router_settings":{},"team_member_permissions":[],"model_id":null,"litellm_model_table":null,"created_at":"2026-12-08T00:06:23.704Z","updated_at":"2026-12-08T00:06:23.704Z","keys":[],"team_memberships":[]},{"team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","team_alias":"Search","organization_id":"1e65ba3e-fc9b-40d7-ad64-ad462c6e6a7b","admins":[],"members":[],"members_with_roles":[{"role":"admin","user_id":"4bc45709-799e-496c-86d0-7c3ce9b6619e","user_email":"ada@example.com"},{"role":"user","user_id":"bob","user_email":null}],"metadata":{"cost_center":"42"},"max_budget":50,"soft_budget":null,"spend":12.5,"models":["fake-gpt"],"max_parallel_requests":null,"tpm_limit":5000,"rpm_limit":50,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","blocked":false,"model_spend":{},"model_max_budget":{},"router_settings":{},"team_member_permissions":[],"model_id":null,"litellm_model_table":null,"created_at":"2026-12-08T00:00:36.461Z","updated_at":"2026-12-08T00:06:22.5Z","keys":[{"key_name":"sk-...2e0Q","key_alias":"search-prod","spend":12.5,"max_budget":10,"expires":null,"models":[],"user_id":null,"team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","organization_id":"1e65ba3e-fc9b-40d7-ad64-ad462c6e6a7b","blocked":null,"tpm_limit":null,"rpm_limit":null,"max_parallel_requests":null,"budget_duration":null,"budget_reset_at":null,"metadata":{},"created_at":"2026-12-08T00:00:37.679Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:37.679Z","updated_by":"default_user_id"}],"team_memberships":[{"user_id":"4bc45709-799e-496c-86d0-7c3ce9b6619e","team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","spend":0,"total_spend":0,"budget_id":null,"litellm_budget_table":null},{"user_id":"bob","team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","spend":2.25,"total_spend":0,"budget_id":"d8adc4ef-2d90-4a5f-a362-c75d575c344d","litellm_budget_table":{"budget_id":"d8adc4ef-2d90-4a5f-a362-c75d575c344d","max_budget":5,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:06:22.5Z","created_by":"default_user_id","updated_at":"2026-12-08T00:06:22.5Z","updated_by":"default_user_id"}}]}]
        """;

    /// <summary><c>GET /team/info?team_id=</c> of the Search team.</summary>
    public const string SearchTeamInfo = """
        {"team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","team_info":{"team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","team_alias":"Search","organization_id":"1e65ba3e-fc9b-40d7-ad64-ad462c6e6a7b","admins":[],"members":[],"members_with_roles":[{"role":"admin","user_id":"4bc45709-799e-496c-86d0-7c3ce9b6619e","user_email":"ada@example.com"},{"role":"user","user_id":"bob","user_email":null}],"metadata":{"cost_center":"42"},"max_budget":50,"soft_budget":null,"spend":12.5,"models":["fake-gpt"],"max_parallel_requests":null,"tpm_limit":5000,"rpm_limit":50,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","blocked":false,"model_spend":{},"model_max_budget":{},"router_settings":{},"team_member_permissions":[],"model_id":null,"litellm_model_table":null,"created_at":"2026-12-08T00:00:36.461Z","updated_at":"2026-12-08T00:06:22.5Z","team_member_budget_table":null},"keys":[{"key_name":"sk-...2e0Q","key_alias":"search-prod","spend":12.5,"max_budget":10,"expires":null,"models":[],"user_id":null,"team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","organization_id":"1e65ba3e-fc9b-40d7-ad64-ad462c6e6a7b","blocked":null,"tpm_limit":null,"rpm_limit":null,"max_parallel_requests":null,"budget_duration":null,"budget_reset_at":null,"metadata":{},"created_at":"2026-12-08T00:00:37.679Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:37.679Z","updated_by":"default_user_id"}],"team_memberships":[{"user_id":"4bc45709-799e-496c-86d0-7c3ce9b6619e","team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","spend":0,"total_spend":0,"budget_id":null,"litellm_budget_table":null},{"user_id":"bob","team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","spend":2.25,"total_spend":0,"budget_id":"d8adc4ef-2d90-4a5f-a362-c75d575c344d","litellm_budget_table":{"budget_id":"d8adc4ef-2d90-4a5f-a362-c75d575c344d","max_budget":5,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:06:22.5Z","created_by":"default_user_id","updated_at":"2026-12-08T00:06:22.5Z","updated_by":"default_user_id"}}]}
        """;

    /// <summary>The Search team row, as <c>/team/block</c>, <c>/team/unblock</c> and <c>/team/member_delete</c> answer.</summary>
    public const string SearchTeam = """
        {"team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","team_alias":"Search","organization_id":"1e65ba3e-fc9b-40d7-ad64-ad462c6e6a7b","admins":[],"members":[],"members_with_roles":[{"role":"admin","user_id":"4bc45709-799e-496c-86d0-7c3ce9b6619e","user_email":"ada@example.com"},{"role":"user","user_id":"bob","user_email":null}],"metadata":{"cost_center":"42"},"max_budget":50,"soft_budget":null,"spend":12.5,"models":["fake-gpt"],"max_parallel_requests":null,"tpm_limit":5000,"rpm_limit":50,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","blocked":false,"model_spend":{},"model_max_budget":{},"router_settings":{},"team_member_permissions":[],"model_id":null,"litellm_model_table":null,"created_at":"2026-12-08T00:00:36.461Z","updated_at":"2026-12-08T00:06:22.5Z"}
        """;

    /// <summary><c>POST /team/update</c>'s answer.</summary>
    public const string Updated = """
        {"team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","data":{"team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","team_alias":"Search","organization_id":"1e65ba3e-fc9b-40d7-ad64-ad462c6e6a7b","admins":[],"members":[],"members_with_roles":[{"role":"admin","user_id":"4bc45709-799e-496c-86d0-7c3ce9b6619e","user_email":"ada@example.com"},{"role":"user","user_id":"bob","user_email":null}],"metadata":{"cost_center":"42"},"max_budget":50,"soft_budget":null,"spend":12.5,"models":["fake-gpt"],"max_parallel_requests":null,"tpm_limit":5000,"rpm_limit":50,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","blocked":false,"model_spend":{},"model_max_budget":{},"router_settings":{},"team_member_permissions":[],"model_id":null,"litellm_model_table":null,"created_at":"2026-12-08T00:00:36.461Z","updated_at":"2026-12-08T00:06:22.5Z"}}
        """;

    /// <summary><c>POST /team/member_update</c>'s answer.</summary>
    public const string MemberUpdated = """
        {"team_id":"2c328912-c4c4-474d-b58d-1e433c5cad24","user_id":"bob","user_email":null,"max_budget_in_team":null,"tpm_limit":null,"rpm_limit":null}
        """;

    /// <summary><c>POST /team/delete</c>'s answer.</summary>
    public const string Deleted = """
        {"deleted_teams":["2c328912-c4c4-474d-b58d-1e433c5cad24"]}
        """;

    /// <summary><c>GET /v1/models</c>.</summary>
    public const string Models = """
        {"object":"list","data":[{"id":"fake-gpt","object":"model","created":1677610602,"owned_by":"openai"},{"id":"gpt-4o","object":"model","created":1677610602,"owned_by":"openai"}]}
        """;
}
