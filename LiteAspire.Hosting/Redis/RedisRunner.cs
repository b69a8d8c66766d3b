using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Orchestration;

namespace LiteAspire.Hosting.Redis;

/// <summary>Runs redis-server on 127.0.0.1 with a password and append-only persistence in the state folder.</summary>
internal sealed class RedisRunner(RedisResource redis, RunnerContext context, string serverPath) : IResourceRunner
{
    private ManagedProcess? _process;

    public IResource Resource => redis;

    public string TypeName => "redis";

    public IReadOnlyList<string> Urls => [$"tcp://127.0.0.1:{Port}"];

    public IReadOnlyList<int> ProcessIds => _process is null ? [] : [_process.Pid];

    public Task<int>? Exited => _process?.Exited;

    private int Port => redis.PrimaryEndpoint.AllocatedPorts[0];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(context.StateDirectory, redis.Name);
        Directory.CreateDirectory(folder);
        var configFile = Path.Combine(folder, "redis.conf");

        // The password goes in a file readable by its owner only, not on a command line others can list.
        await File.WriteAllTextAsync(configFile, $"""
            bind 127.0.0.1
            port {Port}
            protected-mode yes
            daemonize no
            requirepass "{redis.PasswordParameter.Value}"
            dir "{folder}"
            appendonly yes
            save ""
            logfile ""
            """, cancellationToken).ConfigureAwait(false);
        NativeMethods.RestrictToOwner(configFile);
        _process = ManagedProcess.Start(new ProcessStartInfo(serverPath, [configFile]), redis.Name, context.Logs);
    }

    public Task WaitHealthyAsync(CancellationToken cancellationToken) =>
        HealthProbe.WaitUntilAsync(PingAsync, _process?.Exited, redis.Name, cancellationToken);

    public Task StopAsync(TimeSpan timeout) => _process?.StopAsync(NativeMethods.SIGTERM, timeout) ?? Task.CompletedTask;

    /// <summary>AUTH then PING over RESP; healthy when both answer as they should.</summary>
    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        var password = redis.PasswordParameter.Value;
        var request = $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cancellationToken).ConfigureAwait(false);

        var received = new StringBuilder();
        var buffer = new byte[256];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        while (!received.ToString().Contains("\r\n+PONG\r\n", StringComparison.Ordinal) && !received.ToString().StartsWith('-'))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString() == "+OK\r\n+PONG\r\n";
    }
}
