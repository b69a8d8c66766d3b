namespace LiteAspire.Data.Schema;

/// <summary>One row per request (<c>LiteLLM_SpendLogs</c>); the time columns keep Prisma's camelCase names.</summary>
public class SpendLogs
{
    /// <summary>The provider response id, e.g. <c>chatcmpl-...</c> (primary key).</summary>
    public required string RequestId { get; set; }

    /// <summary><c>acompletion</c>, <c>aembedding</c>, ...</summary>
    public required string CallType { get; set; }

    /// <summary>SHA-256 hex of the virtual key (the <c>token</c> of <see cref="VerificationToken"/>).</summary>
    public string ApiKey { get; set; } = "";

    public double Spend { get; set; }

    public int TotalTokens { get; set; }

    public int PromptTokens { get; set; }

    public int CompletionTokens { get; set; }

    /// <summary>Column <c>"startTime"</c>.</summary>
    public DateTime StartTime { get; set; }

    /// <summary>Column <c>"endTime"</c>.</summary>
    public DateTime EndTime { get; set; }

    public int? RequestDurationMs { get; set; }

    /// <summary>Column <c>"completionStartTime"</c>: first token of a stream.</summary>
    public DateTime? CompletionStartTime { get; set; }

    public string Model { get; set; } = "";

    public string? ModelId { get; set; } = "";

    public string? ModelGroup { get; set; } = "";

    public string? CustomLlmProvider { get; set; } = "";

    public string? ApiBase { get; set; } = "";

    public string? User { get; set; } = "";

    /// <summary>user_api_key_*, spend_logs_metadata, usage_object, ... (JSON object).</summary>
    public string? Metadata { get; set; } = "{}";

    /// <summary>The string <c>True</c> or <c>False</c>.</summary>
    public string? CacheHit { get; set; } = "";

    public string? CacheKey { get; set; } = "";

    /// <summary>Request tags (JSON list).</summary>
    public string? RequestTags { get; set; } = "[]";

    public string? TeamId { get; set; }

    public string? OrganizationId { get; set; }

    public string? EndUser { get; set; }

    public string? RequesterIpAddress { get; set; }

    /// <summary>Prompt messages (JSON), <c>{}</c> unless prompts are stored.</summary>
    public string? Messages { get; set; } = "{}";

    /// <summary>Response (JSON), <c>{}</c> unless prompts are stored.</summary>
    public string? Response { get; set; } = "{}";

    public string? SessionId { get; set; }

    /// <summary><c>success</c> or <c>failure</c>.</summary>
    public string? Status { get; set; }

    public string? McpNamespacedToolName { get; set; }

    public string? AgentId { get; set; }

    /// <summary>The incoming request (JSON), <c>{}</c> unless stored.</summary>
    public string? ProxyServerRequest { get; set; } = "{}";
}
