using System.Globalization;

using Microsoft.Extensions.Configuration;

namespace LiteAspire.Proxy.Configuration;

/// <summary>LiteLLM's <c>--port</c>/<c>PORT</c> and <c>--host</c>/<c>HOST</c>: an explicit address that overrides ASPNETCORE_URLS.</summary>
public static class ListenAddress
{
    /// <summary>LiteLLM's default host: every interface.</summary>
    public const string DefaultHost = "0.0.0.0";

    /// <summary>
    /// The URL to listen on when a port is given (<c>--port 4000</c> or <c>PORT</c>), else null so the usual
    /// ASP.NET Core settings (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, launch profiles) apply, as under the AppHost.
    /// </summary>
    /// <exception cref="ProxyConfigException">The port is not a number between 1 and 65535.</exception>
    public static string? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var port = configuration["port"];
        if (string.IsNullOrWhiteSpace(port))
        {
            return null;
        }

        if (!int.TryParse(port.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw new ProxyConfigException($"--port must be a number between 1 and 65535, not '{port}'.");
        }

        var host = configuration["host"];
        host = string.IsNullOrWhiteSpace(host) ? DefaultHost : host.Trim();
        if (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('['))
        {
            host = $"[{host}]";
        }

        return $"http://{host}:{number}";
    }
}
