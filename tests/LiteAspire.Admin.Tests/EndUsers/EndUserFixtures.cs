namespace LiteAspire.Admin.Tests.EndUsers;

/// <summary>Answers of the real proxy (captured with curl), spend figures changed so the page has something to show.</summary>
internal static class EndUserFixtures
{
    /// <summary><c>GET /customer/list</c>: cust-1 (own budget, region eu, default model) and cust-2 (blocked, on the shared "starter" budget).</summary>
    public const string List = """
        [{"user_id":"cust-1","alias":"Customer One","spend":3.75,"allowed_model_region":"eu","default_model":"fake-gpt","budget_id":"8178a615-1da3-4601-ab64-3380139c7d43","blocked":false,"object_permission_id":null,"litellm_budget_table":{"budget_id":"8178a615-1da3-4601-ab64-3380139c7d43","max_budget":12.5,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:00:47.917Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.917Z","updated_by":"default_user_id"}},{"user_id":"cust-2","alias":null,"spend":0,"allowed_model_region":null,"default_model":null,"budget_id":"starter","blocked":true,"object_permission_id":null,"litellm_budget_table":{"budget_id":"starter","max_budget":30,"soft_budget":20,"max_parallel_requests":null,"tpm_limit":10000,"rpm_limit":100,"model_max_budget":{"fake-gpt":{"max_budget":5,"budget_duration":"1d"}},"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_models":[],"created_at":"2026-12-08T00:00:47.493Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.624Z","updated_by":"default_user_id"}}]
        """;

    /// <summary><c>GET /budget/list</c>.</summary>
    public const string Budgets = """
        [{"budget_id":"db6af198-70a5-4f07-ac50-55934bf91df1","max_budget":200,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":1000,"rpm_limit":10,"model_max_budget":null,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_models":[],"created_at":"2026-12-08T00:00:35.24Z","created_by":"default_user_id","updated_at":"2026-12-08T00:17:05.434Z","updated_by":"default_user_id"},{"budget_id":"starter","max_budget":30,"soft_budget":20,"max_parallel_requests":null,"tpm_limit":10000,"rpm_limit":100,"model_max_budget":{"fake-gpt":{"max_budget":5,"budget_duration":"1d"}},"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_models":[],"created_at":"2026-12-08T00:00:47.493Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.624Z","updated_by":"default_user_id"},{"budget_id":"8178a615-1da3-4601-ab64-3380139c7d43","max_budget":12.5,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:00:47.917Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.917Z","updated_by":"default_user_id"},{"budget_id":"d8adc4ef-2d90-4a5f-a362-c75d575c344d","max_budget":5,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:06:22.5Z","created_by":"default_user_id","updated_at":"2026-12-08T00:06:22.5Z","updated_by":"default_user_id"},{"budget_id":"99d8d151-fa87-4de4-ac5a-10c626b572a8","max_budget":null,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:17:04.989Z","created_by":"default_user_id","updated_at":"2026-12-08T00:17:04.989Z","updated_by":"default_user_id"}]
        """;

    /// <summary><c>POST /customer/new</c>'s answer.</summary>
    public const string Created = """
        {"user_id":"cust-1","alias":"Customer One","spend":0,"allowed_model_region":"eu","default_model":"fake-gpt","budget_id":"8178a615-1da3-4601-ab64-3380139c7d43","blocked":false,"object_permission_id":null,"litellm_budget_table":{"budget_id":"8178a615-1da3-4601-ab64-3380139c7d43","max_budget":12.5,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:00:47.917Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.917Z","updated_by":"default_user_id"}}
        """;

    /// <summary><c>POST /customer/update</c>'s answer.</summary>
    public const string Updated = """
        {"user_id":"cust-1","alias":"Customer One","spend":0,"allowed_model_region":"eu","default_model":"fake-gpt","budget_id":"8178a615-1da3-4601-ab64-3380139c7d43","blocked":false,"object_permission_id":null,"litellm_budget_table":{"budget_id":"8178a615-1da3-4601-ab64-3380139c7d43","max_budget":12.5,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:00:47.917Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.917Z","updated_by":"default_user_id"}}
        """;

    /// <summary><c>POST /customer/block</c>'s answer.</summary>
    public const string Blocked = """
        {"blocked_users":[{"user_id":"cust-2","alias":null,"spend":0,"allowed_model_region":null,"default_model":null,"budget_id":"starter","blocked":true,"object_permission_id":null,"litellm_budget_table":{"budget_id":"starter","max_budget":30,"soft_budget":20,"max_parallel_requests":null,"tpm_limit":10000,"rpm_limit":100,"model_max_budget":{"fake-gpt":{"max_budget":5,"budget_duration":"1d"}},"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_models":[],"created_at":"2026-12-08T00:00:47.493Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.624Z","updated_by":"default_user_id"}}]}
        """;

    /// <summary><c>POST /customer/unblock</c>'s answer.</summary>
    public const string Unblocked = """
        {"unblocked_users":[{"user_id":"cust-2","alias":null,"spend":0,"allowed_model_region":null,"default_model":null,"budget_id":"starter","blocked":false,"object_permission_id":null,"litellm_budget_table":{"budget_id":"starter","max_budget":30,"soft_budget":20,"max_parallel_requests":null,"tpm_limit":10000,"rpm_limit":100,"model_max_budget":{"fake-gpt":{"max_budget":5,"budget_duration":"1d"}},"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_models":[],"created_at":"2026-12-08T00:00:47.493Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.624Z","updated_by":"default_user_id"}}]}
        """;

    /// <summary><c>POST /customer/delete</c>'s answer.</summary>
    public const string Deleted = """
        {"deleted_customers":1,"message":"Successfully deleted customers with ids: ['cust-3']"}
        """;

    /// <summary><c>POST /customer/new</c>'s refusal of an id that exists.</summary>
    public const string Duplicate = """
        {"error":{"message":"Customer already exists, passed user_id=cust-1. Please pass a new user_id.","type":"bad_request_error","param":"user_id","code":"400"}}
        """;
}
