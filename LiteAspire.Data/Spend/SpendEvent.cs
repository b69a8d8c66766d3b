namespace LiteAspire.Data.Spend;

/// <summary>
/// One request's spend, as the Proxy records it and the spend writer applies it: a <c>LiteLLM_SpendLogs</c> row plus the
/// increments of every counter and daily aggregate it touches. No prompt or response text unless the operator turns on
/// <c>general_settings.store_prompts_in_spend_logs</c>. Serialised as JSON (<see cref="SpendEventJson"/>) onto the Redis
/// Stream and into the Proxy's disk journal, so fields are only ever added, never renamed.
/// </summary>
public sealed record SpendEvent
{
    /// <summary>Unique per request (the response id, e.g. <c>chatcmpl-...</c>, else the call id): applying an event twice is a no-op.</summary>
    public required string RequestId { get; init; }

    /// <summary>
    /// The proxy's own id of the call (<c>x-litellm-call-id</c>, a random UUID): what tells a redelivered event from another
    /// request whose upstream reused a response id (some OpenAI-compatible servers number responses). The second such
    /// request is logged under its call id.
    /// </summary>
    public string? CallId { get; init; }

    /// <summary><c>acompletion</c>, <c>aembedding</c>, ...</summary>
    public string CallType { get; init; } = "acompletion";

    /// <summary>The route asked for, e.g. <c>/v1/chat/completions</c> (the daily aggregates' <c>endpoint</c>).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The key's token (SHA-256 hex); the master key's hash for master-key calls.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The key's alias, for the spend log's metadata.</summary>
    public string? KeyAlias { get; init; }

    /// <summary>The key's user.</summary>
    public string? UserId { get; init; }

    /// <summary>The key's team.</summary>
    public string? TeamId { get; init; }

    /// <summary>The key's organization.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The request's <c>user</c> field (customer).</summary>
    public string? EndUser { get; init; }

    /// <summary>Tags of the request (body <c>tags</c>, <c>metadata.tags</c>, header <c>x-litellm-tags</c>); their <c>LiteLLM_TagTable</c> rows get the spend.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The proxy has a global budget: the spend also goes to the <see cref="ProxyBudgetRow.UserId"/> row.</summary>
    public bool CountsTowardsProxyBudget { get; init; }

    /// <summary>The public model name asked for.</summary>
    public string? ModelGroup { get; init; }

    /// <summary>The upstream model.</summary>
    public string? Model { get; init; }

    /// <summary>The deployment id.</summary>
    public string? ModelId { get; init; }

    /// <summary>The provider prefix.</summary>
    public string? Provider { get; init; }

    /// <summary>The upstream base URL, query string stripped.</summary>
    public string? ApiBase { get; init; }

    /// <summary>Input tokens, cached ones included (OpenAI's <c>prompt_tokens</c>).</summary>
    public long PromptTokens { get; init; }

    /// <summary>Output tokens, reasoning ones included (OpenAI's <c>completion_tokens</c>).</summary>
    public long CompletionTokens { get; init; }

    /// <summary>Input tokens read from the provider's prompt cache (<c>prompt_tokens_details.cached_tokens</c>).</summary>
    public long CacheReadInputTokens { get; init; }

    /// <summary>Input tokens written to the provider's prompt cache (<c>cache_creation_input_tokens</c>).</summary>
    public long CacheCreationInputTokens { get; init; }

    /// <summary>Output tokens spent reasoning (<c>completion_tokens_details.reasoning_tokens</c>).</summary>
    public long ReasoningTokens { get; init; }

    /// <summary>Cost in USD (0 for cache hits, failures and unknown models).</summary>
    public double Spend { get; init; }

    /// <summary>When the request started (UTC).</summary>
    public DateTime StartTime { get; init; }

    /// <summary>When it ended (UTC).</summary>
    public DateTime EndTime { get; init; }

    /// <summary>When the first token of a stream arrived (UTC); null otherwise.</summary>
    public DateTime? CompletionStartTime { get; init; }

    /// <summary>Served from the response cache.</summary>
    public bool CacheHit { get; init; }

    /// <summary>The response cache's key, when caching is on.</summary>
    public string? CacheKey { get; init; }

    /// <summary><c>success</c> or <c>failure</c>.</summary>
    public string Status { get; init; } = "success";

    /// <summary>The caller's IP address.</summary>
    public string? RequesterIpAddress { get; init; }

    /// <summary>
    /// The spend log's <c>metadata</c> JSON object as LiteLLM fills it (<c>user_api_key_*</c>, <c>spend_logs_metadata</c>,
    /// <c>usage_object</c>, <c>error_information</c>, ...), or null for <c>{}</c>.
    /// </summary>
    public string? Metadata { get; init; }

    /// <summary>The prompt messages (JSON), only with <c>store_prompts_in_spend_logs</c>.</summary>
    public string? Messages { get; init; }

    /// <summary>The response (JSON), only with <c>store_prompts_in_spend_logs</c>.</summary>
    public string? Response { get; init; }

    /// <summary>W3C <c>traceparent</c> of the request's span, so the Worker continues the trace.</summary>
    public string? TraceParent { get; init; }
}
