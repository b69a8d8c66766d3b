namespace LiteAspire.Admin.Tests.Playground;

/// <summary>Answers shaped as a real proxy's (fake upstream on 127.0.0.1:4099).</summary>
internal static class PlaygroundJson
{
    public const string ModelId = "a9b086f729efac17e03b10eef45ad4a86e09c020dbdaff304c59180cb488e9c8";

    public const string Models = """{"object":"list","data":[{"id":"fake-gpt","object":"model","created":1677610602,"owned_by":"openai"},{"id":"db-gpt","object":"model","created":1677610602,"owned_by":"openai"}]}""";

    /// <summary>The headers a real stream carries (no <c>x-litellm-response-cost</c>: the cost is known only at its end).</summary>
    public static IReadOnlyDictionary<string, string> StreamHeaders { get; } = new Dictionary<string, string>
    {
        ["x-litellm-model-id"] = ModelId,
        ["x-litellm-model-group"] = "db-gpt",
        ["x-litellm-call-id"] = "f9a4a5ab-b8ff-4314-be60-62a07400e0ea",
    };

    public const string First = """
        data: {"id":"chatcmpl-fake2dbf2f03fa4451c3","object":"chat.completion.chunk","created":1796688107,"model":"fake","system_fingerprint":"fp_fake","usage":null,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}


        """;

    public static string Content(string text) =>
        "data: {\"id\":\"chatcmpl-fake2dbf2f03fa4451c3\",\"object\":\"chat.completion.chunk\",\"created\":1796688107,\"model\":\"fake\",\"system_fingerprint\":\"fp_fake\",\"usage\":null,\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + text + "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n";

    public const string Finish = """
        data: {"id":"chatcmpl-fake2dbf2f03fa4451c3","object":"chat.completion.chunk","created":1796688107,"model":"fake","system_fingerprint":"fp_fake","usage":null,"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

        data: {"id":"chatcmpl-fake2dbf2f03fa4451c3","object":"chat.completion.chunk","created":1796688107,"model":"fake","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":7,"total_tokens":8,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

        data: [DONE]


        """;

    public const string InvalidKey = """{"error":{"message":"Authentication Error, Invalid proxy server token passed. Received API Key = ***, Key Hash (Token) = 1a00a2f8f8e73c2ec96644b102e8d26ebecbcda60bd76613d3134b176d546b8e. Unable to find token in cache or LiteLLM_VerificationTokenTable","type":"auth_error","param":"None","code":"401"}}""";

    public const string BudgetExceeded = """{"error":{"message":"Budget has been exceeded! Key=ae62e168f396b224166c1f576e88fb409be1b0d2fa98884e94625ea4f2cad61f Current cost: 0, Max budget: 0","type":"budget_exceeded","param":null,"code":"400"}}""";

    public const string ModelNotAllowed = """{"error":{"message":"key not allowed to access model. This key can only access models=['db-gpt']. Tried to access fake-gpt","type":"key_model_access_denied","param":"model","code":"401"}}""";

    public const string RateLimited = """{"error":{"message":"Rate limit exceeded for api_key: 1a00a2f8. Limit type: requests. Current limit: 1, Remaining: 0. Limit resets at: 2026-12-08 00:05:00 UTC","type":"None","param":"None","code":"429"}}""";
}
