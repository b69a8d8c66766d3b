namespace LiteAspire.Admin.ProxyApi.Spend;

/// <summary>
/// LiteLLM's <c>SpendAnalyticsPaginatedResponse</c>, as the proxy's <c>/{user,team,tag,...}/daily/activity</c> routes
/// write it: a day per result (newest first), each with its metrics and breakdowns, and the page's totals.
/// </summary>
public sealed record DailyActivityResponse
{
    /// <summary>One entry per day with spend.</summary>
    public List<DailyActivityDay> Results { get; init; } = [];

    /// <summary>The page's totals and paging.</summary>
    public DailyActivityMetadata Metadata { get; init; } = new();
}

/// <summary>One day of activity.</summary>
public sealed record DailyActivityDay
{
    /// <summary><c>YYYY-MM-DD</c> (UTC).</summary>
    public string Date { get; init; } = "";

    /// <summary>The day's sums.</summary>
    public SpendMetrics Metrics { get; init; } = new();

    /// <summary>The day's sums per model, key, entity, ...</summary>
    public DailyBreakdown Breakdown { get; init; } = new();
}

/// <summary>
/// A day's breakdowns. The per-key lists inside each entry (<c>api_key_breakdown</c>) are not read: the dashboard does
/// not show them, and leaving them out of the type keeps them out of memory.
/// </summary>
public sealed record DailyBreakdown
{
    /// <summary>Per model.</summary>
    public Dictionary<string, BreakdownEntry> Models { get; init; } = [];

    /// <summary>Per model group.</summary>
    public Dictionary<string, BreakdownEntry> ModelGroups { get; init; } = [];

    /// <summary>Per provider.</summary>
    public Dictionary<string, BreakdownEntry> Providers { get; init; } = [];

    /// <summary>Per key hash (metadata: <c>key_alias</c>, <c>team_id</c>).</summary>
    public Dictionary<string, BreakdownEntry> ApiKeys { get; init; } = [];

    /// <summary>Per entity of the route: team, tag, organization, customer (metadata: <c>team_alias</c>, ...).</summary>
    public Dictionary<string, BreakdownEntry> Entities { get; init; } = [];
}

/// <summary>The sums of one group on one day, and what names it.</summary>
public sealed record BreakdownEntry
{
    /// <summary>The sums.</summary>
    public SpendMetrics Metrics { get; init; } = new();

    /// <summary>Names of the group.</summary>
    public BreakdownMetadata? Metadata { get; init; }
}

/// <summary>The names the proxy puts beside a group (each route fills the ones that apply).</summary>
public sealed record BreakdownMetadata
{
    /// <summary>A key's alias.</summary>
    public string? KeyAlias { get; init; }

    /// <summary>A key's team.</summary>
    public string? TeamId { get; init; }

    /// <summary>A team's alias.</summary>
    public string? TeamAlias { get; init; }

    /// <summary>An organization's alias.</summary>
    public string? OrganizationAlias { get; init; }

    /// <summary>A customer's alias.</summary>
    public string? Alias { get; init; }
}

/// <summary>LiteLLM's metrics of a day or group.</summary>
public sealed record SpendMetrics
{
    /// <summary>USD.</summary>
    public double Spend { get; init; }

    /// <summary>Prompt tokens.</summary>
    public long PromptTokens { get; init; }

    /// <summary>Completion tokens.</summary>
    public long CompletionTokens { get; init; }

    /// <summary>Cache-read input tokens.</summary>
    public long CacheReadInputTokens { get; init; }

    /// <summary>Cache-creation input tokens.</summary>
    public long CacheCreationInputTokens { get; init; }

    /// <summary>Prompt plus completion tokens.</summary>
    public long TotalTokens { get; init; }

    /// <summary>Requests that succeeded.</summary>
    public long SuccessfulRequests { get; init; }

    /// <summary>Requests that failed.</summary>
    public long FailedRequests { get; init; }

    /// <summary>All requests.</summary>
    public long ApiRequests { get; init; }
}

/// <summary>The totals of the page and where it is.</summary>
public sealed record DailyActivityMetadata
{
    /// <summary>Spend on this page.</summary>
    public double TotalSpend { get; init; }

    /// <summary>This page (from 1).</summary>
    public int Page { get; init; }

    /// <summary>Pages in all (0 when nothing matched).</summary>
    public int TotalPages { get; init; }

    /// <summary>True when later pages exist.</summary>
    public bool HasMore { get; init; }
}
