using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Orchestration;
using Npgsql;

namespace LiteAspire.Hosting.Postgres;

/// <summary>
/// Runs PostgreSQL from the machine's binaries with its data in the state folder (kept between runs),
/// listening on 127.0.0.1 only. As root it runs as the postgres user, since PostgreSQL refuses root.
/// </summary>
internal sealed class PostgresRunner(PostgresServerResource server, RunnerContext context, string binDirectory) : IResourceRunner
{
    private ManagedProcess? _process;

    public IResource Resource => server;

    public string TypeName => "postgres";

    public IReadOnlyList<string> Urls => [$"tcp://127.0.0.1:{Port}"];

    public IReadOnlyList<int> ProcessIds => _process is null ? [] : [_process.Pid];

    public Task<int>? Exited => _process?.Exited;

    private int Port => server.PrimaryEndpoint.AllocatedPorts[0];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(ServerDirectory(), "data");
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        }

        _process = ManagedProcess.Start(
            AsServerUser(Path.Combine(binDirectory, "postgres"),
                "-D", dataDirectory,
                "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories="),
            server.Name,
            context.Logs);
    }

    public Task WaitHealthyAsync(CancellationToken cancellationToken) =>
        HealthProbe.WaitUntilAsync(
            async token =>
            {
                await using var connection = new NpgsqlConnection($"{server.GetConnectionString()};Database=postgres;Timeout=3");
                await connection.OpenAsync(token).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                return await command.ExecuteScalarAsync(token).ConfigureAwait(false) is 1;
            },
            _process?.Exited,
            server.Name,
            cancellationToken);

    // SIGINT is PostgreSQL's fast shutdown: it ends sessions and stops cleanly without waiting for clients.
    public Task StopAsync(TimeSpan timeout) => _process?.StopAsync(NativeMethods.SIGINT, timeout) ?? Task.CompletedTask;

    /// <summary>
    /// The server's folder in the state directory. The postgres user must be able to reach it; when an ancestor
    /// is closed to others (a home folder), a folder under /var/tmp named after the state directory is used instead.
    /// </summary>
    private string ServerDirectory()
    {
        var preferred = Path.Combine(context.StateDirectory, server.Name);
        if (!NativeMethods.IsRoot || IsReachableByOthers(context.StateDirectory))
        {
            return preferred;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.StateDirectory)))[..12];
        var fallback = Path.Combine("/var/tmp/liteaspire", hash, server.Name);
        context.Announce(server.Name, $"{context.StateDirectory} is closed to the postgres user; keeping PostgreSQL's data in {fallback}.");
        return fallback;
    }

    private async Task InitializeAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(Path.GetDirectoryName(dataDirectory)!, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, server.PasswordParameter.Value, cancellationToken).ConfigureAwait(false);
        NativeMethods.RestrictToOwner(passwordFile);
        try
        {
            if (NativeMethods.IsRoot)
            {
                OpenAncestorsToOthers(Path.GetDirectoryName(dataDirectory)!);
                await RunToEndAsync(new ProcessStartInfo("chown", ["-R", "postgres:postgres", Path.GetDirectoryName(dataDirectory)!]), cancellationToken).ConfigureAwait(false);
            }

            context.Announce(server.Name, $"initializing a new PostgreSQL cluster in {dataDirectory}");
            await RunToEndAsync(
                AsServerUser(Path.Combine(binDirectory, "initdb"),
                    "-D", dataDirectory,
                    "-U", server.UserName,
                    "--pwfile", passwordFile,
                    "--auth-host=scram-sha-256",
                    "--auth-local=scram-sha-256",
                    "-E", "UTF8",
                    "--locale=C.UTF-8"),
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A half-made cluster would be taken for a real one next time.
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task RunToEndAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        var process = ManagedProcess.Start(startInfo, server.Name, context.Logs);
        var code = await process.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new DistributedApplicationException($"Resource '{server.Name}': '{Path.GetFileName(startInfo.FileName)}' failed with exit code {code}; its output is in the log above.");
        }
    }

    private static ProcessStartInfo AsServerUser(string program, params string[] arguments) =>
        NativeMethods.IsRoot
            ? new ProcessStartInfo("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);

    private static bool IsReachableByOthers(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && !dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lets the postgres user walk down to the server folder (the state folder's own subfolders only).</summary>
    private void OpenAncestorsToOthers(string serverDirectory)
    {
        for (var dir = new DirectoryInfo(serverDirectory); dir is not null && dir.FullName.StartsWith(context.StateDirectory, StringComparison.Ordinal); dir = dir.Parent)
        {
            NativeMethods.AllowOthersToTraverse(dir);
        }
    }
}
