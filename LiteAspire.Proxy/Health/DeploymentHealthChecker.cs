using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Health;

/// <summary>Checks a set of deployments at once (each with its own timeout) and collects the verdicts into a <see cref="HealthReport"/>.</summary>
public sealed class DeploymentHealthChecker(DeploymentProbe probe, DeploymentResolver resolver, TimeProvider time)
{
    /// <summary>Checks every deployment of <paramref name="entries"/> concurrently (pass <see cref="HealthTargets.Checkable"/>'s list).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<HealthReport> CheckAsync(IReadOnlyList<DeploymentEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var checks = await Task.WhenAll(entries.Select(entry => CheckOneAsync(entry, cancellationToken))).ConfigureAwait(false);
        return new HealthReport(checks, time.GetUtcNow());
    }

    private async Task<DeploymentCheck> CheckOneAsync(DeploymentEntry entry, CancellationToken cancellationToken)
    {
        var model = HealthTargets.CheckedModel(entry);
        // health_check_model replaces the model called (a wildcard's stand-in); credentials and api_base stay the deployment's.
        var deployment = model == entry.Source.LiteLLMParams.Model ? entry.Deployment : resolver.Resolve(entry.Source, model);
        var result = await probe.CheckAsync(deployment, model, cancellationToken).ConfigureAwait(false);
        return new DeploymentCheck(entry, model, result);
    }
}
