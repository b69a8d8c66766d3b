using System.Runtime.InteropServices;

namespace LiteAspire.Hosting.Orchestration;

/// <summary>POSIX calls .NET does not expose: a polite signal before a hard kill.</summary>
internal static partial class NativeMethods
{
    public const int SIGINT = 2;
    public const int SIGTERM = 15;

    [LibraryImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int kill(int pid, int signal);

    [LibraryImport("libc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial uint geteuid();

    /// <summary>Sends a signal; false when the process is already gone.</summary>
    public static bool SendSignal(int pid, int signal) => OperatingSystem.IsWindows() ? false : kill(pid, signal) == 0;

    /// <summary>True when this process runs as root (PostgreSQL then runs as the postgres user).</summary>
    public static bool IsRoot => !OperatingSystem.IsWindows() && geteuid() == 0;

    /// <summary>Makes a file readable and writable by its owner only (it holds a secret).</summary>
    public static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Lets other users pass through a folder (not list it).</summary>
    public static void AllowOthersToTraverse(DirectoryInfo directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            directory.UnixFileMode |= UnixFileMode.OtherExecute;
        }
    }
}
