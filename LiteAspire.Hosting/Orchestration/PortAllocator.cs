using System.Net;
using System.Net.Sockets;

namespace LiteAspire.Hosting.Orchestration;

/// <summary>Finds free loopback ports and checks that fixed ones are free.</summary>
internal sealed class PortAllocator
{
    private readonly HashSet<int> _handedOut = [];

    /// <summary>A port nobody listens on now and that this allocator has not handed out before.</summary>
    public int AllocateFree()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (_handedOut.Add(port))
            {
                return port;
            }
        }
    }

    /// <summary>Claims a fixed port, failing with the resource's name when something already listens there.</summary>
    public int Claim(int port, string resource)
    {
        if (!IsFree(port))
        {
            throw new DistributedApplicationException(
                $"Resource '{resource}' cannot listen on port {port}: the port is already in use on 127.0.0.1.");
        }

        _handedOut.Add(port);
        return port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
