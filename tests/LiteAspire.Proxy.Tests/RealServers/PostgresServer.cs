using Npgsql;

namespace LiteAspire.Proxy.Tests.RealServers;

/// <summary>A throwaway PostgreSQL cluster from the Debian binaries: initdb into a temp folder, then postgres on a free loopback port.</summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private const string User = "postgres";

    private readonly ServerProcess _process;
    private readonly DirectoryInfo _folder;

    private PostgresServer(ServerProcess process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>LiteLLM's form, as a user would put it in DATABASE_URL.</summary>
    public string DatabaseUrl => $"postgresql://{User}@127.0.0.1:{Port}/postgres";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var folder = Directory.CreateTempSubdirectory("liteaspire-pg-");
        var runAs = ServerProcess.IsRoot ? User : null;
        if (runAs is not null)
        {
            // PostgreSQL refuses to run as root; the cluster belongs to the postgres user.
            await ServerProcess.RunAsync("chown", [$"{User}:{User}", folder.FullName], folder.FullName);
        }

        var data = Path.Combine(folder.FullName, "data");
        await ServerProcess.RunAsync(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync"], folder.FullName, runAs);

        var port = ServerProcess.FreePort();
        var process = ServerProcess.Start(Path.Combine(bin, "postgres"),
            ["-D", data, "-p", $"{port}", "-k", folder.FullName, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
            folder.FullName, runAs);
        var server = new PostgresServer(process, folder, port);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(version => Path.Combine(version, "bin"))
                .Where(candidate => File.Exists(Path.Combine(candidate, "initdb")))
                .OrderByDescending(candidate => candidate, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found under /usr/lib/postgresql/<version>/bin; install the Debian package 'postgresql'.");
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var connectionString = $"Host=127.0.0.1;Port={Port};Username={User};Database=postgres;Timeout=2;Pooling=false";
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"postgres exited during start:\n{_process.Output}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
