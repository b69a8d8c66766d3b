namespace LiteAspire.Proxy.Management.Spend;

/// <summary>The sums every daily-spend row, group and bucket carries (what LiteLLM calls a day's metrics).</summary>
public abstract class DailyMetrics
{
    /// <summary>Spend.</summary>
    public double Spend { get; init; }

    /// <summary>Prompt tokens.</summary>
    public long PromptTokens { get; init; }

    /// <summary>Completion tokens.</summary>
    public long CompletionTokens { get; init; }

    /// <summary>Cache-read input tokens.</summary>
    public long CacheRead { get; init; }

    /// <summary>Cache-creation input tokens.</summary>
    public long CacheCreation { get; init; }

    /// <summary>Requests.</summary>
    public long ApiRequests { get; init; }

    /// <summary>Successful requests.</summary>
    public long Successful { get; init; }

    /// <summary>Failed requests.</summary>
    public long Failed { get; init; }
}
