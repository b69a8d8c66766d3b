using LiteAspire.Proxy.Management.Budgets;

namespace LiteAspire.Proxy.Management.Tags;

/// <summary><c>POST /tag/new</c> and <c>/tag/update</c>: LiteLLM's <c>TagNewRequest</c>/<c>TagUpdateRequest</c>, budget fields included.</summary>
public sealed record TagRequest : BudgetFieldsRequest
{
    /// <summary>The tag (required).</summary>
    public string? Name { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>Models (deployment ids) the tag routes to.</summary>
    public List<string>? Models { get; init; }

    /// <summary>Deployment id to model name.</summary>
    public Dictionary<string, string>? ModelInfo { get; init; }

    /// <summary>An existing budget row to use instead of budget fields.</summary>
    public string? BudgetId { get; init; }
}

/// <summary><c>POST /tag/info</c>.</summary>
public sealed record TagInfoRequest
{
    /// <summary>The tag names to read.</summary>
    public List<string>? Names { get; init; }
}

/// <summary><c>POST /tag/delete</c>.</summary>
public sealed record DeleteTagRequest
{
    /// <summary>The tag name.</summary>
    public string? Name { get; init; }
}
