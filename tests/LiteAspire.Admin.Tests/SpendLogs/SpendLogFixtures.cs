namespace LiteAspire.Admin.Tests.SpendLogs;

/// <summary>
/// Answers of the real proxy (captured with curl from a LiteAspire proxy on PostgreSQL after chat calls through it with
/// three keys: ci-bot in team search, "=web, \"quoted\"" in team research, alice-personal without a team; one call failed).
/// </summary>
internal static class SpendLogFixtures
{
    /// <summary><c>GET /spend/logs/ui?page=1&amp;page_size=3</c> (12 logs in all): a failure, then two successes.</summary>
    public const string UiPage = """
        {
         "data": [
          {
           "request_id": "83fe136f-c439-49a0-8f7a-6d6616eb43e6",
           "call_type": "acompletion",
           "api_key": "64d7c86f7065fd0176b9303ddfda8d10180c33cb403b75da59d33529d8dca88b",
           "spend": 0,
           "total_tokens": 0,
           "prompt_tokens": 0,
           "completion_tokens": 0,
           "startTime": "2026-12-08T00:05:25.319Z",
           "endTime": "2026-12-08T00:05:26.795Z",
           "request_duration_ms": 1475,
           "completionStartTime": null,
           "model": "gpt-4o-mini",
           "model_id": "bb508904d6ad6eb174b9ad055da4f5a5ad905ab0f5103a1095be279fad245684",
           "model_group": "fake-broken",
           "custom_llm_provider": "openai",
           "api_base": "http://127.0.0.1:9/v1",
           "user": "bob",
           "metadata": {
            "user_api_key": "64d7c86f7065fd0176b9303ddfda8d10180c33cb403b75da59d33529d8dca88b",
            "litellm_call_id": "83fe136f-c439-49a0-8f7a-6d6616eb43e6",
            "user_api_key_alias": "=web, \"quoted\"",
            "user_api_key_org_id": null,
            "user_api_key_team_id": "team-research",
            "user_api_key_user_id": "bob",
            "additional_usage_values": {
             "reasoning_tokens": 0,
             "cache_read_input_tokens": 0,
             "cache_creation_input_tokens": 0
            },
            "user_api_key_end_user_id": null
           },
           "cache_hit": "False",
           "cache_key": "",
           "request_tags": [
            "r&d"
           ],
           "team_id": "team-research",
           "organization_id": null,
           "end_user": null,
           "requester_ip_address": "127.0.0.1",
           "messages": {},
           "response": {},
           "session_id": null,
           "status": "failure",
           "mcp_namespaced_tool_name": null,
           "agent_id": null,
           "proxy_server_request": {}
          },
          {
           "request_id": "chatcmpl-fakeaf3765ca13a9fcac",
           "call_type": "acompletion",
           "api_key": "099ddf9e87e36dd5c261dd94b49429c5ad81121aa24029444286e31f06261d2e",
           "spend": 5.4e-06,
           "total_tokens": 12,
           "prompt_tokens": 4,
           "completion_tokens": 8,
           "startTime": "2026-12-08T00:04:56.862Z",
           "endTime": "2026-12-08T00:04:56.909Z",
           "request_duration_ms": 47,
           "completionStartTime": null,
           "model": "gpt-4o-mini",
           "model_id": "2fca9bb3816fcc03878833cf4c5248d05eeeeb964cf3e1476806263b633c004f",
           "model_group": "fake-gpt",
           "custom_llm_provider": "openai",
           "api_base": "http://127.0.0.1:4099/v1",
           "user": "alice",
           "metadata": {
            "user_api_key": "099ddf9e87e36dd5c261dd94b49429c5ad81121aa24029444286e31f06261d2e",
            "litellm_call_id": "61e7f61e-bb75-4415-8137-38d954a50228",
            "user_api_key_alias": "ci-bot",
            "user_api_key_org_id": null,
            "user_api_key_team_id": "team-search",
            "user_api_key_user_id": "alice",
            "additional_usage_values": {
             "reasoning_tokens": 0,
             "cache_read_input_tokens": 0,
             "cache_creation_input_tokens": 0
            },
            "user_api_key_end_user_id": null
           },
           "cache_hit": "False",
           "cache_key": "",
           "request_tags": [],
           "team_id": "team-search",
           "organization_id": null,
           "end_user": null,
           "requester_ip_address": "127.0.0.1",
           "messages": {},
           "response": {},
           "session_id": null,
           "status": "success",
           "mcp_namespaced_tool_name": null,
           "agent_id": null,
           "proxy_server_request": {}
          },
          {
           "request_id": "chatcmpl-fake204d5a9f4754e480",
           "call_type": "acompletion",
           "api_key": "94abd1b0a2f18ec8377fc5a97c6f9bfe5a6092cdecc2b40d4c11754e596878c3",
           "spend": 5.25e-06,
           "total_tokens": 11,
           "prompt_tokens": 3,
           "completion_tokens": 8,
           "startTime": "2026-12-08T00:04:33.894Z",
           "endTime": "2026-12-08T00:04:33.901Z",
           "request_duration_ms": 7,
           "completionStartTime": null,
           "model": "gpt-4o-mini",
           "model_id": "2fca9bb3816fcc03878833cf4c5248d05eeeeb964cf3e1476806263b633c004f",
           "model_group": "fake-gpt",
           "custom_llm_provider": "openai",
           "api_base": "http://127.0.0.1:4099/v1",
           "user": "alice",
           "metadata": {
            "user_api_key": "94abd1b0a2f18ec8377fc5a97c6f9bfe5a6092cdecc2b40d4c11754e596878c3",
            "litellm_call_id": "2b6192c5-7158-48b7-8b48-b58f2a9a4980",
            "user_api_key_alias": "alice-personal",
            "user_api_key_org_id": null,
            "user_api_key_team_id": null,
            "user_api_key_user_id": "alice",
            "additional_usage_values": {
             "reasoning_tokens": 0,
             "cache_read_input_tokens": 0,
             "cache_creation_input_tokens": 0
            },
            "user_api_key_end_user_id": null
           },
           "cache_hit": "False",
           "cache_key": "",
           "request_tags": [],
           "team_id": null,
           "organization_id": null,
           "end_user": null,
           "requester_ip_address": "127.0.0.1",
           "messages": {},
           "response": {},
           "session_id": null,
           "status": "success",
           "mcp_namespaced_tool_name": null,
           "agent_id": null,
           "proxy_server_request": {}
          }
         ],
         "total": 12,
         "page": 1,
         "page_size": 3,
         "total_pages": 4
        }
        """;

    /// <summary><c>GET /spend/logs?request_id=chatcmpl-fakeaf3765ca13a9fcac</c>: a list of the one row (a streamed call, no prompt stored).</summary>
    public const string OneLog = """
        [
         {
          "request_id": "chatcmpl-fakeaf3765ca13a9fcac",
          "call_type": "acompletion",
          "api_key": "099ddf9e87e36dd5c261dd94b49429c5ad81121aa24029444286e31f06261d2e",
          "spend": 5.4e-06,
          "total_tokens": 12,
          "prompt_tokens": 4,
          "completion_tokens": 8,
          "startTime": "2026-12-08T00:04:56.862Z",
          "endTime": "2026-12-08T00:04:56.909Z",
          "request_duration_ms": 47,
          "completionStartTime": null,
          "model": "gpt-4o-mini",
          "model_id": "2fca9bb3816fcc03878833cf4c5248d05eeeeb964cf3e1476806263b633c004f",
          "model_group": "fake-gpt",
          "custom_llm_provider": "openai",
          "api_base": "http://127.0.0.1:4099/v1",
          "user": "alice",
          "metadata": {
           "user_api_key": "099ddf9e87e36dd5c261dd94b49429c5ad81121aa24029444286e31f06261d2e",
           "litellm_call_id": "61e7f61e-bb75-4415-8137-38d954a50228",
           "user_api_key_alias": "ci-bot",
           "user_api_key_org_id": null,
           "user_api_key_team_id": "team-search",
           "user_api_key_user_id": "alice",
           "additional_usage_values": {
            "reasoning_tokens": 0,
            "cache_read_input_tokens": 0,
            "cache_creation_input_tokens": 0
           },
           "user_api_key_end_user_id": null
          },
          "cache_hit": "False",
          "cache_key": "",
          "request_tags": [],
          "team_id": "team-search",
          "organization_id": null,
          "end_user": null,
          "requester_ip_address": "127.0.0.1",
          "messages": {},
          "response": {},
          "session_id": null,
          "status": "success",
          "mcp_namespaced_tool_name": null,
          "agent_id": null,
          "proxy_server_request": {}
         }
        ]
        """;

    /// <summary>An empty page.</summary>
    public const string EmptyPage = """{"data":[],"total":0,"page":1,"page_size":50,"total_pages":0}""";
}
