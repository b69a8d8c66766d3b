using LiteAspire.Admin.ProxyApi;
using Microsoft.Extensions.Http.Resilience;
using MudBlazor.Services;

namespace LiteAspire.Admin.Extensions;

/// <summary>What the admin registers and maps besides its Razor components.</summary>
public static class AdminServiceExtensions
{
    /// <summary>The named client of the playground: streams, so no total timeout and no retries.</summary>
    public const string StreamingClient = "proxy-stream";

    /// <summary>
    /// Registers the proxy clients (base address <c>http://proxy</c>) and MudBlazor. Outside the AppHost,
    /// <c>PROXY_BASE_URL</c> fills in <c>services:proxy:http:0</c> when that is not set.
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

        builder.Services.AddMudServices();
        builder.Services.AddScoped<OperatorKey>();
        builder.Services.AddScoped<ProxyApi.Overview.OverviewLoader>();
        builder.Services.AddSingleton(TimeProvider.System);

        // Pages wait on these calls: fail fast instead of the default retries (up to ~30 s) when the proxy is down, and
        // never repeat a POST (a retried /key/generate would make two keys).
        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the default handler.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<ProxyClient>(client => ProxyClient.Configure(client, configuration))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(FailFast);
        builder.Services.AddHttpClient<ProxyApiClient>(client => client.BaseAddress = new Uri(ProxyClient.ServiceBaseAddress))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(FailFast);
        builder.Services.AddHttpClient(StreamingClient, client =>
            {
                client.BaseAddress = new Uri(ProxyClient.ServiceBaseAddress);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }

    /// <summary>Maps <c>GET /api/proxy-status</c> (signed-in operators): the proxy's readiness as the admin sees it (200), or why not (502).</summary>
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/proxy-status", GetProxyStatusAsync).RequireAuthorization();
        return app;
    }

    private static void FailFast(HttpStandardResilienceOptions options)
    {
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.DisableForUnsafeHttpMethods();
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(15);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(20);
    }

    private static async Task<IResult> GetProxyStatusAsync(ProxyClient proxy, CancellationToken cancellationToken)
    {
        var status = await proxy.GetStatusAsync(cancellationToken);
        return TypedResults.Json(status, statusCode: status.Reachable ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }
}
