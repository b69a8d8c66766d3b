using System.Net;
using System.Net.Sockets;

using StackExchange.Redis;

namespace LiteAspire.Proxy.Tests.Limits;

/// <summary>Connection options for a loopback port nothing listens on.</summary>
internal static class UnreachableRedis
{
    public static ConfigurationOptions Options()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new ConfigurationOptions { AbortOnConnectFail = false, ConnectTimeout = 500 };
        options.EndPoints.Add(IPAddress.Loopback, port);
        return options;
    }
}
