using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Health;

/// <summary>
/// <c>general_settings.background_health_checks</c>: checks every deployment (except those with
/// <c>model_info.disable_background_health_check</c>) every <c>health_check_interval</c> seconds and publishes each run to
/// the <see cref="DeploymentHealthBoard"/>. Does nothing when the setting is off.
/// </summary>
public sealed partial class BackgroundHealthChecks(HealthCheckSettings settings, ModelRouter router, DeploymentHealthChecker checker,
    DeploymentHealthBoard board, TimeProvider time, ILogger<BackgroundHealthChecks> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.BackgroundChecks)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The current snapshot each run: models added or deleted through the API are picked up.
                var report = await checker.CheckAsync(HealthTargets.Checkable(router.Table.Deployments, background: true), stoppingToken).ConfigureAwait(false);
                board.PublishBackground(report);
                LogRun(report.Checks.Count, report.Checks.Count(c => c.Result.Status != ProbeStatus.Healthy));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed run must not end the loop; the next one may succeed.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailedRun(e.GetType().Name);
            }

            try
            {
                await Task.Delay(settings.Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Background health check: {Checked} deployments checked, {NotHealthy} not healthy")]
    private partial void LogRun(int @checked, int notHealthy);

    // Only the exception type: its message could quote an upstream answer.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Background health check run failed ({ExceptionType}); retrying after the interval")]
    private partial void LogFailedRun(string exceptionType);
}
