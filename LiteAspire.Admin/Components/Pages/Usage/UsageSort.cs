namespace LiteAspire.Admin.Components.Pages.Usage;

/// <summary>A column of the usage table.</summary>
public enum UsageColumn
{
    /// <summary>The group's name.</summary>
    Name,

    /// <summary>Spend.</summary>
    Spend,

    /// <summary>Requests.</summary>
    Requests,

    /// <summary>Failed requests.</summary>
    FailedRequests,

    /// <summary>Prompt tokens.</summary>
    PromptTokens,

    /// <summary>Completion tokens.</summary>
    CompletionTokens,

    /// <summary>Total tokens.</summary>
    TotalTokens,
}

/// <summary>The usage table's order: a column and a direction (the table and the CSV export share it).</summary>
/// <param name="Column">The column.</param>
/// <param name="Descending">Highest first.</param>
public sealed record UsageSort(UsageColumn Column, bool Descending)
{
    /// <summary>Highest spend first.</summary>
    public static UsageSort Default { get; } = new(UsageColumn.Spend, Descending: true);

    /// <summary>The order after clicking <paramref name="column"/>: the other direction on the same column, else numbers highest first and names A–Z.</summary>
    public UsageSort Toggle(UsageColumn column) => column == Column ? this with { Descending = !Descending } : new(column, column != UsageColumn.Name);

    /// <summary><paramref name="groups"/> in this order (ties by name).</summary>
    public IEnumerable<UsageGroup> Apply(IEnumerable<UsageGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (Column == UsageColumn.Name)
        {
            return Descending ? groups.OrderByDescending(g => g.Name, StringComparer.OrdinalIgnoreCase)
                : groups.OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase);
        }

        Func<UsageGroup, double> key = Column switch
        {
            UsageColumn.Requests => g => g.Requests,
            UsageColumn.FailedRequests => g => g.FailedRequests,
            UsageColumn.PromptTokens => g => g.PromptTokens,
            UsageColumn.CompletionTokens => g => g.CompletionTokens,
            UsageColumn.TotalTokens => g => g.TotalTokens,
            _ => g => g.Spend,
        };
        var ordered = Descending ? groups.OrderByDescending(key) : groups.OrderBy(key);
        return ordered.ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase);
    }
}
