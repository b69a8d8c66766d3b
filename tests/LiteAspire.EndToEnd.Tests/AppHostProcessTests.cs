using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;

namespace LiteAspire.EndToEnd.Tests;

/// <summary>The AppHost as a user runs it: a process that prints its resource table and stops everything on Ctrl+C.</summary>
public class AppHostProcessTests(ITestOutputHelper output)
{
    private static readonly string[] Resources = ["admin", "cache", "litellm", "postgres", "proxy", "worker"];

    [Fact]
    public async Task AppHostProcess_CtrlC_StopsEveryProcessItStarted()
    {
        var stateDirectory = Path.Combine(Path.GetTempPath(), "liteaspire-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var startInfo = new ProcessStartInfo("dotnet", [AppHostAssemblyPath(), "--no-build", "--random-ports", "--state-dir", stateDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        var table = new ResourceTableReader();
        var clock = Stopwatch.StartNew();
        using var appHost = Process.Start(startInfo)!;
        appHost.OutputDataReceived += (_, e) => table.Read(e.Data);
        appHost.ErrorDataReceived += (_, e) => table.Read(e.Data);
        appHost.BeginOutputReadLine();
        appHost.BeginErrorReadLine();
        try
        {
            var healthy = await table.WaitForAsync(rows => Resources.All(r => rows.TryGetValue(r, out var row) && row.State == "Healthy"), TimeSpan.FromSeconds(90));
            output.WriteLine($"all resources healthy {clock.Elapsed.TotalSeconds:0.0} s after start (built beforehand)");
            var pids = healthy.Values.SelectMany(r => r.Pids).ToList();
            Assert.Equal(5, pids.Count); // postgres, redis, proxy, worker, admin

            Assert.Equal(0, Native.Kill(appHost.Id, Native.SIGINT));
            await appHost.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(0, appHost.ExitCode);
            Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} still runs"));
            var stopped = table.Latest;
            Assert.All(Resources, r => Assert.Equal("Stopped", stopped[r].State));
        }
        finally
        {
            if (!appHost.HasExited)
            {
                appHost.Kill(entireProcessTree: true);
            }

            output.WriteLine(table.Transcript);
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    private static string AppHostAssemblyPath()
    {
        var metadata = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        return Path.Combine(metadata["AppHostProjectDirectory"]!, "bin", metadata["AppHostConfiguration"]!, "net10.0", "LiteAspire.AppHost.dll");
    }
}
