using System.Diagnostics;

namespace LiteAspire.Hosting.Orchestration;

/// <summary>A child process whose output goes to a resource's log and which stops politely, then firmly.</summary>
internal sealed class ManagedProcess
{
    private readonly Process _process;
    private readonly Task<int> _exited;

    private ManagedProcess(Process process, Task<int> exited)
    {
        _process = process;
        _exited = exited;
    }

    public int Pid => _process.Id;

    /// <summary>Completes with the exit code once the process has ended and its output is drained.</summary>
    public Task<int> Exited => _exited;

    public bool HasExited => _exited.IsCompleted;

    public static ManagedProcess Start(ProcessStartInfo startInfo, string resource, ResourceLoggerService logs)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true; // children must not read the AppHost's terminal
        startInfo.UseShellExecute = false;

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) logs.Write(resource, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) logs.Write(resource, e.Data, isError: true); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new DistributedApplicationException($"Resource '{resource}': cannot start '{startInfo.FileName}': {ex.Message}", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ManagedProcess(process, WaitForExitAsync(process));
    }

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="timeout"/>, then kills the whole tree.</summary>
    public async Task StopAsync(int signal, TimeSpan timeout)
    {
        if (HasExited)
        {
            return;
        }

        NativeMethods.SendSignal(_process.Id, signal);
        if (await Task.WhenAny(_exited, Task.Delay(timeout)).ConfigureAwait(false) != _exited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the check and the kill.
            }

            await _exited.ConfigureAwait(false);
        }
    }

    private static async Task<int> WaitForExitAsync(Process process)
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        var code = process.ExitCode;
        process.Dispose();
        return code;
    }
}
