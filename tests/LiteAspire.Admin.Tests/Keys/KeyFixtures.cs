namespace LiteAspire.Admin.Tests.Keys;

/// <summary>Answers of the real proxy (LiteAspire.Proxy with PostgreSQL), captured with curl.</summary>
internal static class KeyFixtures
{
    /// <summary>The hash of the blocked key without team (old-batch).</summary>
    public const string OldBatchToken = "e2048947b1183dd5cd8d46c1cb022930711bef945fb23b2ec3a75ad3c31cfdc2";

    /// <summary>The hash of alice's team key (ci-bot).</summary>
    public const string CiBotToken = "ee4c5ff61192f0064883e7f51cb352a2e716a0ffad18b7177bc6809123fc7af2";

    /// <summary>GET /key/list?page=1&amp;size=2&amp;return_full_object=true: a blocked key without team, and a team key of alice (3 keys, 2 pages).</summary>
    public const string KeyListPage = """
        {"keys":[{"token":"e2048947b1183dd5cd8d46c1cb022930711bef945fb23b2ec3a75ad3c31cfdc2","key_name":"sk-...GVBg","key_alias":"old-batch","spend":0,"max_budget":5,"expires":null,"models":[],"aliases":{},"config":{},"user_id":null,"team_id":null,"organization_id":null,"permissions":{},"max_parallel_requests":null,"metadata":{"owner":"data"},"blocked":true,"tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,"allowed_cache_controls":[],"allowed_routes":[],"key_type":null,"model_spend":{},"model_max_budget":{},"soft_budget_cooldown":false,"budget_id":null,"litellm_budget_table":null,"router_settings":{},"policies":[],"access_group_ids":[],"created_at":"2026-12-08T00:07:06.814Z","created_by":"default_user_id","updated_at":"2026-12-08T00:07:07.877Z","updated_by":"default_user_id","last_active":null,"rotation_count":0,"auto_rotate":false,"rotation_interval":null,"last_rotation_at":null,"key_rotation_at":null},{"token":"ee4c5ff61192f0064883e7f51cb352a2e716a0ffad18b7177bc6809123fc7af2","key_name":"sk-...YcZQ","key_alias":"ci-bot","spend":0,"max_budget":10,"expires":"2027-01-07T00:01:21.904Z","models":["fake-gpt"],"aliases":{},"config":{},"user_id":"alice","team_id":"team-research","organization_id":null,"permissions":{},"max_parallel_requests":4,"metadata":{"env":"ci"},"blocked":null,"tpm_limit":1000,"rpm_limit":60,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_cache_controls":[],"allowed_routes":[],"key_type":null,"model_spend":{},"model_max_budget":{},"soft_budget_cooldown":false,"budget_id":null,"litellm_budget_table":null,"router_settings":{},"policies":[],"access_group_ids":[],"created_at":"2026-12-08T00:01:21.904Z","created_by":"default_user_id","updated_at":"2026-12-08T00:01:21.904Z","updated_by":"default_user_id","last_active":null,"rotation_count":0,"auto_rotate":false,"rotation_interval":null,"last_rotation_at":null,"key_rotation_at":null}],"total_count":3,"current_page":1,"total_pages":2}
        """;

    /// <summary>GET /team/list as the master key: team-research (alias Research), alice a member.</summary>
    public const string TeamList = """
        [{"team_id":"team-research","team_alias":"Research","organization_id":null,"admins":[],"members":[],"members_with_roles":[{"role":"user","user_id":"alice","user_email":"alice@example.com"}],"metadata":{},"max_budget":null,"soft_budget":null,"spend":0,"models":["fake-gpt","fake-mini"],"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,"blocked":false,"model_spend":{},"model_max_budget":{},"router_settings":{},"team_member_permissions":[],"model_id":null,"litellm_model_table":null,"created_at":"2026-12-08T00:01:20.98Z","updated_at":"2026-12-08T00:01:21.414Z","keys":[{"key_name":"sk-...YcZQ","key_alias":"ci-bot","spend":0,"max_budget":10,"expires":"2027-01-07T00:01:21.904Z","models":["fake-gpt"],"user_id":"alice","team_id":"team-research","organization_id":null,"blocked":null,"tpm_limit":1000,"rpm_limit":60,"max_parallel_requests":4,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","metadata":{"env":"ci"},"created_at":"2026-12-08T00:01:21.904Z","created_by":"default_user_id","updated_at":"2026-12-08T00:01:21.904Z","updated_by":"default_user_id"}],"team_memberships":[{"user_id":"alice","team_id":"team-research","spend":0,"total_spend":0,"budget_id":null,"litellm_budget_table":null}]}]
        """;

    /// <summary>GET /v1/models.</summary>
    public const string Models = """
        {"object":"list","data":[{"id":"fake-gpt","object":"model","created":1677610602,"owned_by":"openai"},{"id":"fake-mini","object":"model","created":1677610602,"owned_by":"openai"}]}
        """;

    /// <summary>POST /key/generate of ci-bot: the plaintext key is in this answer only.</summary>
    public const string Generated = """
        {"key":"sk-4Cj1FVZ8uUH1LsmBNkYcZQ","key_name":"sk-...YcZQ","token":"ee4c5ff61192f0064883e7f51cb352a2e716a0ffad18b7177bc6809123fc7af2","token_id":"ee4c5ff61192f0064883e7f51cb352a2e716a0ffad18b7177bc6809123fc7af2","expires":"2027-01-07T00:01:21.9039779Z","duration":"30d","soft_budget":null,"tags":null,"guardrails":null,"model_rpm_limit":null,"model_tpm_limit":null,"key_alias":"ci-bot","spend":0,"max_budget":10,"models":["fake-gpt"],"aliases":{},"config":{},"user_id":"alice","team_id":"team-research","organization_id":null,"permissions":{},"max_parallel_requests":4,"metadata":{"env":"ci"},"blocked":null,"tpm_limit":1000,"rpm_limit":60,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_cache_controls":[],"allowed_routes":[],"key_type":null,"model_spend":{},"model_max_budget":{},"soft_budget_cooldown":false,"budget_id":null,"litellm_budget_table":null,"router_settings":{},"policies":[],"access_group_ids":[],"created_at":"2026-12-08T00:01:21.9039779Z","created_by":"default_user_id","updated_at":"2026-12-08T00:01:21.9039779Z","updated_by":"default_user_id","last_active":null,"rotation_count":0,"auto_rotate":false,"rotation_interval":null,"last_rotation_at":null,"key_rotation_at":null}
        """;

    /// <summary>POST /key/regenerate of old-batch.</summary>
    public const string Regenerated = """
        {"key":"sk-i5qDqjROc7BB9xYRMel9qw","key_name":"sk-...l9qw","token":"694659e01ddf40a9a0e677aeb758da4759f0d2eada7965fc99df3f4e4658e78d","token_id":"694659e01ddf40a9a0e677aeb758da4759f0d2eada7965fc99df3f4e4658e78d","expires":null,"duration":null,"soft_budget":null,"tags":null,"guardrails":null,"model_rpm_limit":null,"model_tpm_limit":null,"key_alias":"old-batch","spend":0,"max_budget":5,"models":[],"aliases":{},"config":{},"user_id":null,"team_id":null,"organization_id":null,"permissions":{},"max_parallel_requests":null,"metadata":{"owner":"data"},"blocked":true,"tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,"allowed_cache_controls":[],"allowed_routes":[],"key_type":null,"model_spend":{},"model_max_budget":{},"soft_budget_cooldown":false,"budget_id":null,"litellm_budget_table":null,"router_settings":{},"policies":[],"access_group_ids":[],"created_at":"2026-12-08T00:07:06.814Z","created_by":"default_user_id","updated_at":"2026-12-08T00:07:08.1744709Z","updated_by":"default_user_id","last_active":null,"rotation_count":1,"auto_rotate":false,"rotation_interval":null,"last_rotation_at":"2026-12-08T00:07:08.1744709Z","key_rotation_at":null}
        """;

    /// <summary>POST /key/block of old-batch.</summary>
    public const string Blocked = """
        {"token":"e2048947b1183dd5cd8d46c1cb022930711bef945fb23b2ec3a75ad3c31cfdc2","key_name":"sk-...GVBg","key_alias":"old-batch","spend":0,"max_budget":5,"expires":null,"models":[],"aliases":{},"config":{},"user_id":null,"team_id":null,"organization_id":null,"permissions":{},"max_parallel_requests":null,"metadata":{"owner":"data"},"blocked":true,"tpm_limit":null,"rpm_limit":null,"budget_duration":null,"budget_reset_at":null,"allowed_cache_controls":[],"allowed_routes":[],"key_type":null,"model_spend":{},"model_max_budget":{},"soft_budget_cooldown":false,"budget_id":null,"litellm_budget_table":null,"router_settings":{},"policies":[],"access_group_ids":[],"created_at":"2026-12-08T00:07:06.814Z","created_by":"default_user_id","updated_at":"2026-12-08T00:07:07.8767842Z","updated_by":"default_user_id","last_active":null,"rotation_count":0,"auto_rotate":false,"rotation_interval":null,"last_rotation_at":null,"key_rotation_at":null}
        """;

    /// <summary>POST /key/update of ci-bot.</summary>
    public const string Updated = """
        {"key":"ee4c5ff61192f0064883e7f51cb352a2e716a0ffad18b7177bc6809123fc7af2","token":"ee4c5ff61192f0064883e7f51cb352a2e716a0ffad18b7177bc6809123fc7af2","key_name":"sk-...YcZQ","key_alias":"ci-bot","spend":0,"max_budget":10,"expires":"2027-01-07T00:01:21.904Z","models":["fake-gpt"],"aliases":{},"config":{},"user_id":"alice","team_id":"team-research","organization_id":null,"permissions":{},"max_parallel_requests":4,"metadata":{"env":"ci"},"blocked":null,"tpm_limit":1000,"rpm_limit":60,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_cache_controls":[],"allowed_routes":[],"key_type":null,"model_spend":{},"model_max_budget":{},"soft_budget_cooldown":false,"budget_id":null,"litellm_budget_table":null,"router_settings":{},"policies":[],"access_group_ids":[],"created_at":"2026-12-08T00:01:21.904Z","created_by":"default_user_id","updated_at":"2026-12-08T00:07:12.3430307Z","updated_by":"default_user_id","last_active":null,"rotation_count":0,"auto_rotate":false,"rotation_interval":null,"last_rotation_at":null,"key_rotation_at":null}
        """;

    /// <summary>GET /key/info?key= of ci-bot.</summary>
    public const string KeyInfo = """
        {"key":"ee4c5ff61192f0064883e7f51cb352a2e716a0ffad18b7177bc6809123fc7af2","info":{"key_name":"sk-...YcZQ","key_alias":"ci-bot","spend":0,"max_budget":10,"expires":"2027-01-07T00:01:21.904Z","models":["fake-gpt"],"aliases":{},"config":{},"user_id":"alice","team_id":"team-research","organization_id":null,"permissions":{},"max_parallel_requests":4,"metadata":{"env":"ci"},"blocked":null,"tpm_limit":1000,"rpm_limit":60,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_cache_controls":[],"allowed_routes":[],"key_type":null,"model_spend":{},"model_max_budget":{},"soft_budget_cooldown":false,"budget_id":null,"litellm_budget_table":null,"router_settings":{},"policies":[],"access_group_ids":[],"created_at":"2026-12-08T00:01:21.904Z","created_by":"default_user_id","updated_at":"2026-12-08T00:01:21.904Z","updated_by":"default_user_id","last_active":null,"rotation_count":0,"auto_rotate":false,"rotation_interval":null,"last_rotation_at":null,"key_rotation_at":null}}
        """;

    /// <summary>GET /key/list with no key matching.</summary>
    public const string EmptyList = """
        {"keys":[],"total_count":0,"current_page":1,"total_pages":0}
        """;

    /// <summary>POST /key/delete of one key.</summary>
    public const string Deleted = """
        {"deleted_keys":["e2048947b1183dd5cd8d46c1cb022930711bef945fb23b2ec3a75ad3c31cfdc2"]}
        """;
}
