using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace LiteAspire.EndToEnd.Tests.Spend;

/// <summary>One server the spend tests run as a real process (a built project, or redis-server), with its output kept for the report.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output;
    private readonly Process _process;
    private bool _disposed;

    private ServiceProcess(string name, Process process, ConcurrentQueue<string> output)
    {
        Name = name;
        _process = process;
        _output = output;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>The last lines the process printed.</summary>
    public string Tail => string.Join('\n', _output.TakeLast(40));

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> and <paramref name="environment"/>.</summary>
    public static ServiceProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(name, process, output);
    }

    /// <summary>Starts a built project's DLL of this repository (same configuration as the tests).</summary>
    public static ServiceProcess StartProject(string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        Start(project, "dotnet", [ProjectAssembly(project), .. arguments], environment);

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM, then waits for the exit (redis-server saves and exits; .NET hosts shut down).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = Native.Kill(_process.Id, Native.SIGTERM);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>A port free on 127.0.0.1 now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200)
        {
            output.TryDequeue(out _);
        }
    }

    private static string ProjectAssembly(string project)
    {
        var metadata = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(metadata["AppHostProjectDirectory"]!))!;
        return Path.Combine(root, project, "bin", metadata["AppHostConfiguration"]!, "net10.0", project + ".dll");
    }
}
