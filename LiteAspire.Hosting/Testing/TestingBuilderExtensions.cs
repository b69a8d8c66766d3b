namespace LiteAspire.Hosting.Testing;

/// <summary>Starting a test app in one call.</summary>
public static class TestingBuilderExtensions
{
    /// <summary>
    /// Builds and starts the app, then waits until each of <paramref name="resources"/> is healthy. When that fails, what
    /// did start is stopped before the error is rethrown: a test fixture whose start failed is never disposed.
    /// </summary>
    public static async Task<DistributedApplication> StartHealthyAsync(this IDistributedApplicationTestingBuilder builder, params string[] resources)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resources);
        var app = await builder.BuildAsync().ConfigureAwait(false);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
            foreach (var resource in resources)
            {
                await app.WaitForResourceHealthyAsync(resource).ConfigureAwait(false);
            }

            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
