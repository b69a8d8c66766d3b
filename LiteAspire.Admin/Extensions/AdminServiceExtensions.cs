using LiteAspire.Admin.ProxyApi;

namespace LiteAspire.Admin.Extensions;

/// <summary>What the admin registers and maps besides its Razor components.</summary>
public static class AdminServiceExtensions
{
    /// <summary>
    /// Registers <see cref="ProxyClient"/> (base address <c>http://proxy</c>). Outside the AppHost, <c>PROXY_BASE_URL</c>
    /// fills in <c>services:proxy:http:0</c> when that is not set.
    /// </summary>
    public static WebApplicationBuilder AddAdminServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[ProxyClient.EndpointConfigurationKey])
            && configuration["PROXY_BASE_URL"] is { Length: > 0 } proxyBaseUrl)
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [ProxyClient.EndpointConfigurationKey] = proxyBaseUrl });
        }

        // The status page waits on this call: fail fast instead of the default retries (up to ~30 s) when the proxy is down.
        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the default handler.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<ProxyClient>(client => ProxyClient.Configure(client, configuration))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.MaxRetryAttempts = 1;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            });
#pragma warning restore EXTEXP0001
        return builder;
    }

    /// <summary>Maps <c>GET /api/proxy-status</c>: the proxy's readiness as the admin sees it (200), or why not (502).</summary>
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/proxy-status", GetProxyStatusAsync);
        return app;
    }

    private static async Task<IResult> GetProxyStatusAsync(ProxyClient proxy, CancellationToken cancellationToken)
    {
        var status = await proxy.GetStatusAsync(cancellationToken);
        return TypedResults.Json(status, statusCode: status.Reachable ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }
}
