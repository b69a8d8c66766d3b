using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LiteAspire.Proxy.Tests.RealServers;

/// <summary>A server process this test run started: its output is kept for error messages, and it is stopped by its own PID.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>True when running as root, where PostgreSQL must be started as the postgres user.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Starts <paramref name="fileName"/>, as <paramref name="runAs"/> through setpriv when given.</summary>
    public static ServerProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, string? runAs = null)
    {
        var info = new ProcessStartInfo
        {
            FileName = runAs is null ? fileName : "setpriv",
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var argument in new[] { $"--reuid={runAs}", $"--regid={runAs}", "--init-groups", fileName })
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs a command to completion and fails with its output when it does not exit 0.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, string? runAs = null)
    {
        await using var command = Start(fileName, arguments, workingDirectory, runAs);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await command._process.WaitForExitAsync(timeout.Token);
        if (command._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited with {command._process.ExitCode}:\n{command.Output}");
        }
    }

    /// <summary>A loopback port free at the time of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends SIGINT (PostgreSQL's fast shutdown, Redis' clean exit), then kills it if it has not gone after 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var signal = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
