using System.Diagnostics;
using System.Net;

using Microsoft.Extensions.Http.Resilience;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// Registers the upstream HttpClient: pooled sockets, no proxy, no decompression, no cookies, no resilience handlers
/// (the router owns retries), no per-call logging handlers.
/// </summary>
public static class UpstreamClientRegistration
{
    /// <summary>
    /// Adds the named clients <see cref="UpstreamHttp.ClientName"/> (with service discovery, for hosts that may be a service
    /// name) and <see cref="UpstreamHttp.DirectClientName"/> (without: its handler rebuilds the request URI on every call,
    /// only to resolve an IP or DNS name to itself).
    /// </summary>
    public static IServiceCollection AddUpstreamHttpClient(this IServiceCollection services)
    {
        AddClient(services, UpstreamHttp.ClientName).AddServiceDiscovery();
        AddClient(services, UpstreamHttp.DirectClientName);
        services.AddSingleton<UpstreamHttp>();
        return services;
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services, string name)
    {
        var builder = services.AddHttpClient(name, client =>
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
        // In case ServiceDefaults' HttpClient defaults are on (they add a standard resilience handler to every client):
        // retries here would double the router's.
#pragma warning disable EXTEXP0001
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        // Hot path: the factory's logging handlers open a log scope and time every call even with their logs filtered out
        // (they are, by default: AddDefaultLogLevels), and the pipeline logs upstream failures itself.
        builder.RemoveAllLoggers();
        return builder;
    }
}
