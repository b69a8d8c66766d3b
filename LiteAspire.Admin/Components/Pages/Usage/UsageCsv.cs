using LiteAspire.Admin.Export;

namespace LiteAspire.Admin.Components.Pages.Usage;

/// <summary>A usage report as CSV: a header, then one row per group in the order shown.</summary>
public static class UsageCsv
{
    /// <summary>The CSV of <paramref name="groups"/> (the report's groups, as sorted on the page).</summary>
    public static string Build(UsageQuery query, IEnumerable<UsageGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(groups);
        var csv = new CsvBuilder().Row(query.GroupName, query.GroupName + "_id", "spend_usd", "requests", "failed_requests",
            "prompt_tokens", "completion_tokens", "total_tokens");
        foreach (var group in groups)
        {
            csv.Text(group.Name).Text(group.Id).Number(group.Spend).Number(group.Requests).Number(group.FailedRequests)
                .Number(group.PromptTokens).Number(group.CompletionTokens).Number(group.TotalTokens).EndRow();
        }

        return csv.ToString();
    }

    /// <summary><c>usage-by-team-2024-05-01-to-2024-05-30.csv</c>.</summary>
    public static string FileName(UsageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return $"usage-by-{query.GroupName}-{UsageQuery.Day(query.From)}-to-{UsageQuery.Day(query.To)}.csv";
    }
}
