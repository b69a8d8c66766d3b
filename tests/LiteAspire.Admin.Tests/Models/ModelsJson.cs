namespace LiteAspire.Admin.Tests.Models;

/// <summary>Answers copied from a real proxy (fake upstream on 127.0.0.1:4099), trimmed to the deployments each test needs.</summary>
internal static class ModelsJson
{
    public const string ConfigId = "a9b086f729efac17e03b10eef45ad4a86e09c020dbdaff304c59180cb488e9c8";
    public const string StoredId = "fa15b91c-1ce6-43ac-9382-c9a48da079f8";
    public const string SecondStoredId = "0c3e0d55-6f5e-4a7e-9d7e-2f1f7c0e4b11";

    /// <summary><c>GET /v1/model/info</c>: a config.yaml deployment and two stored ones, two of them in one group.</summary>
    public const string ModelInfo = $$$"""
        {"data":[
          {"model_name":"fake-gpt","litellm_params":{"model":"openai/fake","api_base":"http://127.0.0.1:4099/v1"},"model_info":{"id":"{{{ConfigId}}}","db_model":false}},
          {"model_name":"db-gpt","litellm_params":{"model":"openai/fake-db","api_base":"http://127.0.0.1:4099/v1","rpm":60,"tpm":10000,"input_cost_per_token":1E-06,"output_cost_per_token":2E-06},"model_info":{"id":"{{{StoredId}}}","db_model":true}},
          {"model_name":"fake-gpt","litellm_params":{"model":"anthropic/claude-sonnet-4-5"},"model_info":{"id":"{{{SecondStoredId}}}","db_model":true}}
        ]}
        """;

    /// <summary><c>GET /health/latest</c> after a healthy check of the stored deployment and a failed one of the config one.</summary>
    public const string HealthLatest = $$$"""
        {"latest_health_checks":{
          "{{{StoredId}}}":{"health_check_id":"3a6ce736-d53c-4437-aaad-0ba57d66bcbe","model_name":"db-gpt","model_id":"{{{StoredId}}}","status":"healthy","healthy_count":1,"unhealthy_count":0,"error_message":null,"response_time_ms":406.8462,"details":null,"checked_by":null,"checked_at":"2026-12-08T00:01:47.3286298+00:00","created_at":"2026-12-08T00:01:47.3286298+00:00"},
          "{{{ConfigId}}}":{"health_check_id":"4b7df847-e64d-4548-bbbe-1cb67e77cdcf","model_name":"fake-gpt","model_id":"{{{ConfigId}}}","status":"unhealthy","healthy_count":0,"unhealthy_count":1,"error_message":"error:litellm.APIConnectionError: OpenAIException - Connection refused","response_time_ms":12.5,"details":null,"checked_by":"background_health_check","checked_at":"2026-12-08T00:02:10+00:00","created_at":"2026-12-08T00:02:10+00:00"}
        },"total_models":2}
        """;

    public const string NoHealth = """{"latest_health_checks":{},"total_models":0}""";

    /// <summary><c>GET /router/cooldowns</c> with the config deployment out of rotation.</summary>
    public const string Cooldowns = $$$"""
        {"cooldowns":[{"model_id":"{{{ConfigId}}}","model_name":"fake-gpt","model":"openai/fake","cooldown_until":"2026-12-08T00:03:00+00:00","remaining_seconds":42.5}],"total":1}
        """;

    public const string NoCooldowns = """{"cooldowns":[],"total":0}""";

    /// <summary><c>GET /health?model_id=</c> for the stored deployment, healthy.</summary>
    public const string HealthyCheck = $$$"""
        {"healthy_endpoints":[{"model":"openai/fake-db","api_base":"http://127.0.0.1:4099/v1","tpm":10000,"rpm":60,"x-ratelimit-remaining-requests":"9999","x-ratelimit-remaining-tokens":"999000","model_id":"{{{StoredId}}}"}],"unhealthy_endpoints":[],"healthy_count":1,"unhealthy_count":0}
        """;

    /// <summary>What <c>POST /model/new</c> and the update routes answer.</summary>
    public const string StoredModel = $$$"""
        {"model_id":"{{{StoredId}}}","model_name":"db-gpt","litellm_params":{"model":"openai/fake-db","api_base":"http://127.0.0.1:4099/v1","rpm":60},"model_info":{"id":"{{{StoredId}}}","db_model":true},"blocked":false,"created_at":"2026-12-08T00:01:44.343Z","created_by":"default_user_id","updated_at":"2026-12-08T00:01:44.343Z","updated_by":"default_user_id"}
        """;
}
