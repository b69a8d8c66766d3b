using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every LiteAspire service shares: telemetry, health checks, service discovery and HTTP resilience
/// (the shape of Aspire's ServiceDefaults template).
/// </summary>
public static class Extensions
{
    /// <summary>Readiness endpoint: every health check must pass.</summary>
    public const string HealthEndpointPath = "/health";

    /// <summary>Liveness endpoint: only checks tagged "live".</summary>
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>Tag of the checks that decide liveness.</summary>
    public const string LiveTag = "live";

    /// <summary>Adds telemetry, default health checks, service discovery and resilient HttpClients.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="httpClientDefaults">
    /// False for a service that sets up each of its HttpClients itself (the Proxy: its router owns retries, and it opts its
    /// upstream client into service discovery only where a host can be a service name): no standard resilience handler and
    /// no service discovery added to every client, so Polly is not even loaded. Service discovery's services stay registered
    /// for clients that call <c>AddServiceDiscovery()</c>.
    /// </param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, bool httpClientDefaults = true) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDefaultLogLevels();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        if (httpClientDefaults)
        {
            AddHttpClientDefaults(builder.Services);
        }

        return builder;
    }

    // Its own method so that without it Polly is not even loaded.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddHttpClientDefaults(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

    /// <summary>
    /// Quiet defaults for the per-request framework logs (ASP.NET Core's request lines, HttpClient's four lines per call),
    /// which otherwise cost more CPU than a gateway request itself. Added as the lowest-priority configuration source, so
    /// appsettings.json, the environment (Logging__LogLevel__...) and the command line still override them.
    /// </summary>
    public static TBuilder AddDefaultLogLevels<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
            },
        });
        return builder;
    }

    /// <summary>
    /// Logs, metrics (ASP.NET Core, HttpClient, runtime) and traces, exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (Aspire sets it). Without an exporter nothing would ever read the spans,
    /// metric points or log records, yet the instrumentation would still record them on every request (an Activity per
    /// request and per upstream call, trace headers injected, histograms updated) and the SDK would load at start: so
    /// OpenTelemetry is only wired up when there is somewhere to send it. The console logger is there either way.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (HasOtlpExporter(builder.Configuration))
        {
            AddOtlpTelemetry(builder);
        }

        return builder;
    }

    // Its own method so that without an exporter the OpenTelemetry assemblies are not even loaded.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddOtlpTelemetry<TBuilder>(TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(options =>
                    // Probes would drown the traces that matter.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
    }

    /// <summary>True when an OTLP endpoint is configured, i.e. telemetry has somewhere to go.</summary>
    public static bool HasOtlpExporter(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    /// <summary>A "self" check tagged live, so /alive answers even when dependencies are down.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <paramref name="healthPath"/> (all checks; <c>/health</c> unless the service serves its own there) and /alive
    /// (live checks only).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, string healthPath = HealthEndpointPath)
    {
        app.MapHealthChecks(healthPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
        });
        return app;
    }
}
