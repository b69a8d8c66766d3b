using System.Diagnostics;
using System.Net;

using Microsoft.Extensions.Http.Resilience;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// Registers the one upstream HttpClient: pooled sockets, no proxy, no decompression, no cookies, no resilience handlers
/// (the router owns retries), no per-call logging handlers.
/// </summary>
public static class UpstreamClientRegistration
{
    /// <summary>Adds the named client <see cref="UpstreamHttp.ClientName"/>.</summary>
    public static IServiceCollection AddUpstreamHttpClient(this IServiceCollection services)
    {
        var builder = services.AddHttpClient(UpstreamHttp.ClientName, client =>
            {
                // Each call carries its own deadline (UpstreamTimeout); the client-wide one would cut long streams.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                // Without an OTLP exporter nobody collects traces (ServiceDefaults), so no traceparent headers to send upstream.
                ActivityHeadersPropagator = Microsoft.Extensions.Hosting.Extensions.HasOtlpExporter(services.GetRequiredService<IConfiguration>())
                    ? DistributedContextPropagator.Current
                    : null,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
                MaxConnectionsPerServer = 1024,
                EnableMultipleHttp2Connections = true,
                ConnectTimeout = TimeSpan.FromSeconds(30),
                UseCookies = false,
                AllowAutoRedirect = false,
            });
        // ServiceDefaults adds the standard resilience handler to every client; retries here would double the router's.
#pragma warning disable EXTEXP0001
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        // Hot path: the factory's logging handlers open a log scope and time every call even with their logs filtered out
        // (they are, by default: AddDefaultLogLevels), and the pipeline logs upstream failures itself.
        builder.RemoveAllLoggers();
        services.AddSingleton<UpstreamHttp>();
        return services;
    }
}
