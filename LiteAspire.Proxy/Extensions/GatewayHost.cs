using Microsoft.AspNetCore.HostFiltering;

namespace LiteAspire.Proxy.Extensions;

/// <summary>
/// The host the proxy runs on: ASP.NET Core's slim builder plus the parts of the full one a gateway uses. The slim builder
/// leaves out IIS integration, HTTP/3 over QUIC, the Debugger logger and hosting startup assemblies, none of which a Linux
/// gateway uses, and so loads less at start (idle RSS, docs/benchmarks.md).
/// </summary>
public static class GatewayHost
{
    /// <summary>A builder with configuration, console and EventSource logging, Kestrel with HTTPS endpoint configuration, full routing and host filtering.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // appsettings*.json are read once, as config.yaml is: a file watcher (inotify and its thread) per file costs idle memory for
        // nothing. First, so that the same setting given by the operator still wins.
        var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Logging.AddEventSourceLogger();
        // Regex and alpha route constraints, as the full builder has them.
        builder.Services.AddRouting();
        // AllowedHosts as the full builder reads it: ';'-separated, "*" (or nothing) allows any host.
        builder.Services.AddOptions<HostFilteringOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var hosts = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries);
            options.AllowedHosts = hosts is { Length: > 0 } ? hosts : ["*"];
        });
        return builder;
    }

    /// <summary>Host filtering first, as the full builder's startup filter puts it.</summary>
    public static WebApplication UseGatewayHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHostFiltering();
        return app;
    }
}
