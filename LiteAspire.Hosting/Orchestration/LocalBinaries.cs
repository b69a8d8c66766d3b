namespace LiteAspire.Hosting.Orchestration;

/// <summary>Finds the Debian-packaged server binaries the AppHost runs.</summary>
internal static class LocalBinaries
{
    /// <summary>The folder holding postgres and initdb, newest version first, or null.</summary>
    public static string? FindPostgresBin()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LITEASPIRE_POSTGRES_BIN");
        if (fromEnvironment is not null)
        {
            return HasPostgres(fromEnvironment) ? fromEnvironment : null;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.EnumerateDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => HasPostgres(d.Dir))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return newest.Dir;
            }
        }

        var onPath = FindOnPath("postgres");
        return onPath is not null && HasPostgres(Path.GetDirectoryName(onPath)!) ? Path.GetDirectoryName(onPath) : null;
    }

    /// <summary>The redis-server executable, or null.</summary>
    public static string? FindRedisServer() =>
        Environment.GetEnvironmentVariable("LITEASPIRE_REDIS_SERVER") is { } fromEnvironment
            ? (File.Exists(fromEnvironment) ? fromEnvironment : null)
            : FindOnPath("redis-server");

    private static bool HasPostgres(string dir) =>
        File.Exists(Path.Combine(dir, "postgres")) && File.Exists(Path.Combine(dir, "initdb"));

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
