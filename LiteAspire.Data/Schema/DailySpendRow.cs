namespace LiteAspire.Data.Schema;

/// <summary>
/// Columns shared by the Daily*Spend aggregates: one row per (entity, date, api_key, model, custom_llm_provider,
/// mcp_namespaced_tool_name, endpoint). Not a table itself.
/// </summary>
public abstract class DailySpendRow : DailyAggregateRow
{
    /// <summary>SHA-256 hex of the virtual key.</summary>
    public required string ApiKey { get; set; }
}

/// <summary>The columns of every daily aggregate, per-key or not: the day, what was called, and its sums. Not a table itself.</summary>
public abstract class DailyAggregateRow
{
    public required string Id { get; set; }

    /// <summary>UTC day as <c>YYYY-MM-DD</c>.</summary>
    public required string Date { get; set; }

    public string? Model { get; set; }

    public string? ModelGroup { get; set; }

    public string? CustomLlmProvider { get; set; }

    public string? McpNamespacedToolName { get; set; }

    public string? Endpoint { get; set; }

    public long PromptTokens { get; set; }

    public long CompletionTokens { get; set; }

    public long CacheReadInputTokens { get; set; }

    public long CacheCreationInputTokens { get; set; }

    public double Spend { get; set; }

    public long ApiRequests { get; set; }

    public long SuccessfulRequests { get; set; }

    public long FailedRequests { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
