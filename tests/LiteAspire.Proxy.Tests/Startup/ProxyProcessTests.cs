using System.Diagnostics;

using LiteAspire.Proxy.Tests.RealServers;

namespace LiteAspire.Proxy.Tests.Startup;

/// <summary>Runs the built proxy as a user would (<c>LiteAspire.Proxy --config ... --port ...</c>), as a separate process.</summary>
public sealed class ProxyProcessTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-process-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static ProcessStartInfo ProxyCommand(params string[] arguments)
    {
        var info = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LiteAspire.Proxy.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Only the command line decides where it listens.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("PORT");
        return info;
    }

    [Fact]
    public async Task Run_MalformedConfig_ExitsWithLineAndReasonAndNoStackTrace()
    {
        var config = Path.Combine(_folder.FullName, "config.yaml");
        await File.WriteAllTextAsync(config, "model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/a\n     rpm: 1\n");

        using var process = Process.Start(ProxyCommand("--config", config))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var error = await stderr;
        Assert.Contains($"LiteAspire.Proxy cannot start: {config} line 5, column 6:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfigPortAndHost_ListensThereLikeLiteLLM()
    {
        var config = Path.Combine(_folder.FullName, "config.yaml");
        await File.WriteAllTextAsync(config, "model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/a\n");
        var port = FreePort();

        using var process = Process.Start(ProxyCommand("--config", config, "--host", "127.0.0.1", "--port", $"{port}"))!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string? body = null;
            while (body is null && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    body = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/health/liveliness"));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.Equal("\"I'm alive!\"", body);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
