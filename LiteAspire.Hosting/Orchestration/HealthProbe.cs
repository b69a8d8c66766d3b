namespace LiteAspire.Hosting.Orchestration;

/// <summary>Retries a probe until it passes, the process it watches exits, or the caller gives up.</summary>
internal static class HealthProbe
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> probe, Task? exited, string resource, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (exited is { IsCompleted: true })
            {
                throw new DistributedApplicationException($"Resource '{resource}' exited before it became healthy.");
            }

            try
            {
                if (await probe(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not up yet: connection refused, timeouts and the like are expected while it starts.
            }

            await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
