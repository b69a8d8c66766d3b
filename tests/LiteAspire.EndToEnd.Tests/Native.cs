using System.Runtime.InteropServices;

namespace LiteAspire.EndToEnd.Tests;

/// <summary>kill(2), to send the AppHost the SIGINT that Ctrl+C sends, and servers SIGTERM.</summary>
internal static partial class Native
{
    public const int SIGINT = 2;

    public const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Kill(int pid, int signal);
}
