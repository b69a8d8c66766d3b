using StackExchange.Redis;

namespace LiteAspire.Proxy.Tests.RealServers;

/// <summary>A throwaway redis-server on a free loopback port, with no persistence.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly DirectoryInfo _folder;

    private RedisServer(ServerProcess process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>LiteLLM's form, as a user would put it in REDIS_URL.</summary>
    public string RedisUrl => $"redis://127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("liteaspire-redis-");
        var port = ServerProcess.FreePort();
        var process = ServerProcess.Start("redis-server",
            ["--port", $"{port}", "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", folder.FullName],
            folder.FullName);
        var server = new RedisServer(process, folder, port);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited during start:\n{_process.Output}");
            }

            await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(
                new ConfigurationOptions { EndPoints = { { "127.0.0.1", Port } }, AbortOnConnectFail = false, ConnectTimeout = 1000 });
            if (multiplexer.IsConnected)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not answer within 30 s:\n{_process.Output}");
            }

            await Task.Delay(200);
        }
    }
}
