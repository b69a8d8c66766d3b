namespace LiteAspire.Admin.Tests.Users;

/// <summary>Answers of the real proxy (LiteAspire.Proxy with PostgreSQL), captured with curl.</summary>
internal static class UserFixtures
{
    /// <summary>GET /user/list?page=1&amp;page_size=25: bob (admin viewer, 1 key) and alice (internal user, 2 keys).</summary>
    public const string UserListPage = """
        {"users":[{"user_id":"bob","user_alias":"Bob","user_email":"bob@example.com","user_role":"proxy_admin_viewer","team_id":null,"organization_id":null,"sso_user_id":null,"teams":["team-research"],"max_budget":20,"spend":0,"models":["fake-gpt"],"metadata":{},"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,"allowed_cache_controls":[],"policies":[],"model_spend":{},"model_max_budget":{},"created_at":"2026-12-08T00:17:26.217Z","updated_at":"2026-12-08T00:17:26.217Z","key_count":1},{"user_id":"alice","user_alias":null,"user_email":"alice@example.com","user_role":"internal_user","team_id":null,"organization_id":null,"sso_user_id":null,"teams":["team-research"],"max_budget":50,"spend":0,"models":[],"metadata":{},"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,"allowed_cache_controls":[],"policies":[],"model_spend":{},"model_max_budget":{},"created_at":"2026-12-08T00:01:21.414Z","updated_at":"2026-12-08T00:01:21.414Z","key_count":2}],"total":2,"page":1,"page_size":25,"total_pages":1}
        """;

    /// <summary>POST /user/new of bob: the key made for him is in this answer only.</summary>
    public const string NewBob = """
        {"key":"sk-KuEDudmpRvlxyvswagMjQQ","key_name":"sk-...MjQQ","key_alias":null,"expires":null,"duration":null,"user_id":"bob","user_email":"bob@example.com","user_alias":"Bob","user_role":"proxy_admin_viewer","teams":["team-research"],"organization_id":null,"max_budget":20,"spend":0,"models":["fake-gpt"],"tpm_limit":null,"rpm_limit":null,"max_parallel_requests":null,"budget_duration":null,"budget_reset_at":null,"metadata":{},"sso_user_id":null,"created_by":"default_user_id","updated_by":"default_user_id","created_at":"2026-12-08T00:17:26.2165377Z","updated_at":"2026-12-08T00:17:26.2165377Z"}
        """;

    /// <summary>POST /user/update of bob.</summary>
    public const string UpdatedBob = """
        {"user_id":"bob","data":{"user_id":"bob","user_alias":"Bobby","user_email":"bob@example.com","user_role":"proxy_admin_viewer","team_id":null,"organization_id":null,"sso_user_id":null,"teams":["team-research"],"max_budget":20,"spend":0,"models":["fake-gpt"],"metadata":{},"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,"allowed_cache_controls":[],"policies":[],"model_spend":{},"model_max_budget":{},"created_at":"2026-12-08T00:17:26.217Z","updated_at":"2026-12-08T00:17:26.3186102Z"}}
        """;

    /// <summary>GET /user/list with no user matching.</summary>
    public const string EmptyList = """
        {"users":[],"total":0,"page":1,"page_size":25,"total_pages":0}
        """;
}
