using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiteAspire.Admin.ProxyApi.Spend;

/// <summary>
/// One <c>LiteLLM_SpendLogs</c> row as <c>/spend/logs</c> and <c>/spend/logs/ui</c> write it: LiteLLM's column names,
/// the JSON columns as JSON (see the proxy's <c>SpendLogJson</c>).
/// </summary>
public sealed record SpendLog
{
    /// <summary>The provider's response id (or the call id when an upstream repeated one).</summary>
    public string RequestId { get; init; } = "";

    /// <summary><c>acompletion</c>, <c>aembedding</c>, ...</summary>
    public string? CallType { get; init; }

    /// <summary>The key's stored token (SHA-256 hash), never the key itself.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Cost in USD.</summary>
    public double Spend { get; init; }

    /// <summary>Prompt plus completion tokens.</summary>
    public long TotalTokens { get; init; }

    /// <summary>Prompt tokens.</summary>
    public long PromptTokens { get; init; }

    /// <summary>Completion tokens.</summary>
    public long CompletionTokens { get; init; }

    /// <summary>When the request started (UTC).</summary>
    [JsonPropertyName("startTime")]
    public DateTime? StartTime { get; init; }

    /// <summary>When it ended (UTC).</summary>
    [JsonPropertyName("endTime")]
    public DateTime? EndTime { get; init; }

    /// <summary>End minus start, in milliseconds.</summary>
    public long? RequestDurationMs { get; init; }

    /// <summary>When the first token arrived (streams).</summary>
    [JsonPropertyName("completionStartTime")]
    public DateTime? CompletionStartTime { get; init; }

    /// <summary>The model as logged.</summary>
    public string? Model { get; init; }

    /// <summary>The deployment's id.</summary>
    public string? ModelId { get; init; }

    /// <summary>The model group asked for.</summary>
    public string? ModelGroup { get; init; }

    /// <summary>The provider (<c>openai</c>, <c>anthropic</c>, ...).</summary>
    public string? CustomLlmProvider { get; init; }

    /// <summary>The upstream base URL (no query string).</summary>
    public string? ApiBase { get; init; }

    /// <summary>The internal user.</summary>
    public string? User { get; init; }

    /// <summary>LiteLLM's metadata object (<c>user_api_key_alias</c>, <c>additional_usage_values</c>, ...).</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary><c>"True"</c> or <c>"False"</c>, as LiteLLM writes it.</summary>
    public string? CacheHit { get; init; }

    /// <summary>The cache key of a cached answer.</summary>
    public string? CacheKey { get; init; }

    /// <summary>The request's tags (a JSON list).</summary>
    public JsonElement? RequestTags { get; init; }

    /// <summary>The team.</summary>
    public string? TeamId { get; init; }

    /// <summary>The organization.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The customer (the request's <c>user</c>).</summary>
    public string? EndUser { get; init; }

    /// <summary>The caller's IP address.</summary>
    public string? RequesterIpAddress { get; init; }

    /// <summary>The prompt, when the proxy stores it (<c>{}</c> when not).</summary>
    public JsonElement? Messages { get; init; }

    /// <summary>The response, when the proxy stores it (<c>{}</c> when not).</summary>
    public JsonElement? Response { get; init; }

    /// <summary>The session.</summary>
    public string? SessionId { get; init; }

    /// <summary><c>success</c> or <c>failure</c> (null is counted as success, as LiteLLM does).</summary>
    public string? Status { get; init; }
}
