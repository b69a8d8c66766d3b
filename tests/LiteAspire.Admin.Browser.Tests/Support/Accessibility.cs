using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LiteAspire.Admin.Browser.Tests.Support;

/// <summary>axe-core on the page as it stands: the serious and critical violations, described for a failure message.</summary>
internal static class Accessibility
{
    /// <summary>Each serious or critical violation as "rule (impact): help — selectors".</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}")
            .ToList();
    }
}
