namespace LiteAspire.Admin.ProxyApi.Spend;

/// <summary>One page of <c>GET /spend/logs/ui</c>: <c>{"data", "total", "page", "page_size", "total_pages"}</c>.</summary>
public sealed record SpendLogUiPage
{
    /// <summary>The page's rows, newest first.</summary>
    public List<SpendLog> Data { get; init; } = [];

    /// <summary>Rows matching the filters, over every page.</summary>
    public int Total { get; init; }

    /// <summary>This page (from 1).</summary>
    public int Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int PageSize { get; init; }

    /// <summary>Pages in all.</summary>
    public int TotalPages { get; init; }
}
