using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace LiteAspire.Proxy.Health;

/// <summary>
/// The latest health verdicts. The background loop's run decides <see cref="IsUnhealthy"/> (the router skips those
/// deployments) and is what <c>GET /health</c> answers in background mode; every check, background or on demand, updates
/// the per-deployment rows of <c>GET /health/latest</c>. Reads are lock-free: each run swaps in a new snapshot.
/// </summary>
public sealed class DeploymentHealthBoard : Routing.IDeploymentHealth
{
    private volatile BackgroundSnapshot _background = new(HealthReport.Empty, FrozenSet<string>.Empty);
    private readonly ConcurrentDictionary<string, LatestHealthCheck> _latest = new(StringComparer.Ordinal);

    /// <summary>The latest background run (<see cref="HealthReport.Empty"/> before the first one finishes).</summary>
    public HealthReport LatestBackgroundReport => _background.Report;

    /// <summary>
    /// True only while the latest background run found deployment <paramref name="deploymentId"/> unhealthy. A deployment
    /// it did not check (opted out, a mode LiteAspire cannot check, added since) is never unhealthy here.
    /// </summary>
    public bool IsUnhealthy(string deploymentId) => _background.Unhealthy.Contains(deploymentId);

    /// <summary>The latest check of every deployment checked so far, by deployment id.</summary>
    public IReadOnlyDictionary<string, LatestHealthCheck> LatestChecks => _latest;

    /// <summary>Puts a background run in place: it becomes <see cref="LatestBackgroundReport"/> and decides <see cref="IsUnhealthy"/>.</summary>
    public void PublishBackground(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var unhealthy = report.Checks.Where(c => c.Result.Status == ProbeStatus.Unhealthy).Select(c => c.DeploymentId);
        _background = new BackgroundSnapshot(report, unhealthy.ToFrozenSet(StringComparer.Ordinal));
        Record(report, LatestHealthCheck.BackgroundCheckedBy);
    }

    /// <summary>Records an on-demand run (<c>GET /health</c>) for <c>/health/latest</c>; it does not mark anything down.</summary>
    public void Record(HealthReport report, string? checkedBy)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var check in report.Checks)
        {
            _latest[check.DeploymentId] = LatestHealthCheck.From(check, report.CheckedAt, checkedBy);
        }
    }

    private sealed record BackgroundSnapshot(HealthReport Report, FrozenSet<string> Unhealthy);
}
