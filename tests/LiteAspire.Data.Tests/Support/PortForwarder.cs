using System.Net;
using System.Net.Sockets;

namespace LiteAspire.Data.Tests.Support;

/// <summary>Forwards a local port to another one: a server that "comes up" on that port when the test says so.</summary>
public sealed class PortForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private PortForwarder(int port, int targetPort)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync(targetPort);
    }

    public static PortForwarder Start(int port, int targetPort) => new(port, targetPort);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync(int targetPort)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = PipeAsync(client, targetPort);
        }
    }

    private async Task PipeAsync(TcpClient client, int targetPort)
    {
        using (client)
        {
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, targetPort, _stop.Token);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
        }
    }
}
