namespace LiteAspire.Admin.Tests.Budgets;

/// <summary>Answers of the real proxy (captured with curl).</summary>
internal static class BudgetFixtures
{
    /// <summary><c>GET /budget/list</c>: an organization's budget, "starter" (with a per-model budget), an end user's and a team member's.</summary>
    public const string List = """
        [{"budget_id":"db6af198-70a5-4f07-ac50-55934bf91df1","max_budget":200,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":1000,"rpm_limit":10,"model_max_budget":null,"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_models":[],"created_at":"2026-12-08T00:00:35.24Z","created_by":"default_user_id","updated_at":"2026-12-08T00:17:05.434Z","updated_by":"default_user_id"},{"budget_id":"starter","max_budget":30,"soft_budget":20,"max_parallel_requests":null,"tpm_limit":10000,"rpm_limit":100,"model_max_budget":{"fake-gpt":{"max_budget":5,"budget_duration":"1d"}},"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_models":[],"created_at":"2026-12-08T00:00:47.493Z","created_by":"default_user_id","updated_at":"2026-12-08T00:24:25.211Z","updated_by":"default_user_id"},{"budget_id":"8178a615-1da3-4601-ab64-3380139c7d43","max_budget":12.5,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:00:47.917Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.917Z","updated_by":"default_user_id"},{"budget_id":"d8adc4ef-2d90-4a5f-a362-c75d575c344d","max_budget":5,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:06:22.5Z","created_by":"default_user_id","updated_at":"2026-12-08T00:06:22.5Z","updated_by":"default_user_id"},{"budget_id":"99d8d151-fa87-4de4-ac5a-10c626b572a8","max_budget":null,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:17:04.989Z","created_by":"default_user_id","updated_at":"2026-12-08T00:17:04.989Z","updated_by":"default_user_id"}]
        """;

    /// <summary><c>POST /budget/new</c>'s answer.</summary>
    public const string Created = """
        {"budget_id":"starter","max_budget":25,"soft_budget":20,"max_parallel_requests":null,"tpm_limit":10000,"rpm_limit":100,"model_max_budget":{"fake-gpt":{"max_budget":5,"budget_duration":"1d"}},"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_models":[],"created_at":"2026-12-08T00:00:47.493Z","created_by":"default_user_id","updated_at":"2026-12-08T00:00:47.493Z","updated_by":"default_user_id"}
        """;

    /// <summary><c>POST /budget/update</c>'s answer.</summary>
    public const string Updated = """
        {"budget_id":"starter","max_budget":30,"soft_budget":20,"max_parallel_requests":null,"tpm_limit":10000,"rpm_limit":100,"model_max_budget":{"fake-gpt":{"max_budget":5,"budget_duration":"1d"}},"budget_duration":"30d","budget_reset_at":"2027-01-01T00:00:00Z","allowed_models":[],"created_at":"2026-12-08T00:00:47.493Z","created_by":"default_user_id","updated_at":"2026-12-08T00:24:25.211Z","updated_by":"default_user_id"}
        """;

    /// <summary><c>POST /budget/delete</c>'s answer.</summary>
    public const string Deleted = """
        {"budget_id":"temp","max_budget":1,"soft_budget":null,"max_parallel_requests":null,"tpm_limit":null,"rpm_limit":null,"model_max_budget":null,"budget_duration":null,"budget_reset_at":null,"allowed_models":[],"created_at":"2026-12-08T00:24:25.091Z","created_by":"default_user_id","updated_at":"2026-12-08T00:24:25.091Z","updated_by":"default_user_id"}
        """;

    /// <summary><c>POST /budget/delete</c>'s refusal of a budget in use.</summary>
    public const string DeleteRefused = """
        {"error":{"message":"Budget id=starter is still in use by customers [cust-2]. Move them to another budget first.","type":"bad_request_error","param":"id","code":"400"}}
        """;
}
