namespace LiteAspire.Admin.Components.Pages.Usage;

/// <summary>A usage report: the groups' sums over the range, and the range's spend and requests per day.</summary>
/// <param name="Query">What the report answers.</param>
/// <param name="Groups">One entry per team, key, model or tag with spend, highest spend first.</param>
/// <param name="Days">Every day of the range (<c>YYYY-MM-DD</c>), first to last.</param>
/// <param name="SpendPerDay">Spend of each day in <paramref name="Days"/>.</param>
/// <param name="RequestsPerDay">Requests of each day in <paramref name="Days"/>.</param>
/// <param name="Totals">The range's sums.</param>
/// <param name="CoveredFrom">
/// Set when the range held more activity than the dashboard reads at once: the first day the report covers (the
/// newest days, to the range's end); after the range's end when not even one day fitted.
/// </param>
public sealed record UsageReport(
    UsageQuery Query, List<UsageGroup> Groups, List<string> Days, List<double> SpendPerDay, List<double> RequestsPerDay, UsageTotals Totals,
    DateOnly? CoveredFrom)
{
    /// <summary>True when the report covers only part of its range.</summary>
    public bool Partial => CoveredFrom is not null;
}

/// <summary>One group's sums over the range.</summary>
/// <param name="Id">The team id, key hash, model or tag.</param>
/// <param name="Name">What the page shows: the team's alias, the key's alias (else its masked hash), the model, the tag.</param>
/// <param name="Spend">USD.</param>
/// <param name="Requests">All requests.</param>
/// <param name="FailedRequests">Failed requests.</param>
/// <param name="PromptTokens">Prompt tokens.</param>
/// <param name="CompletionTokens">Completion tokens.</param>
/// <param name="TotalTokens">Prompt plus completion tokens.</param>
public sealed record UsageGroup(
    string Id, string Name, double Spend, long Requests, long FailedRequests, long PromptTokens, long CompletionTokens, long TotalTokens);

/// <summary>The range's sums.</summary>
/// <param name="Spend">USD.</param>
/// <param name="Requests">All requests.</param>
/// <param name="FailedRequests">Failed requests.</param>
/// <param name="TotalTokens">Tokens.</param>
public sealed record UsageTotals(double Spend, long Requests, long FailedRequests, long TotalTokens);
