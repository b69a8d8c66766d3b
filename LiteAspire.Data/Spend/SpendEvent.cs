namespace LiteAspire.Data.Spend;

/// <summary>
/// One request's spend, as the Proxy records it and the spend writer applies it: a <c>LiteLLM_SpendLogs</c> row plus the
/// increments of every counter it touches. No prompt or response text.
/// </summary>
public sealed record SpendEvent
{
    /// <summary>Unique per request (the response id, e.g. <c>chatcmpl-...</c>, else the call id): applying an event twice is a no-op.</summary>
    public required string RequestId { get; init; }

    /// <summary><c>acompletion</c>, <c>aembedding</c>, ...</summary>
    public string CallType { get; init; } = "acompletion";

    /// <summary>The key's token (SHA-256 hex); the master key's hash for master-key calls.</summary>
    public string? ApiKey { get; init; }

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

    /// <summary>Input tokens.</summary>
    public long PromptTokens { get; init; }

    /// <summary>Output tokens.</summary>
    public long CompletionTokens { get; init; }

    /// <summary>Cost in USD.</summary>
    public double Spend { get; init; }

    /// <summary>When the request started (UTC).</summary>
    public DateTime StartTime { get; init; }

    /// <summary>When it ended (UTC).</summary>
    public DateTime EndTime { get; init; }

    /// <summary><c>success</c> or <c>failure</c>.</summary>
    public string Status { get; init; } = "success";
}
