using System.Net.Http.Json;
using LiteAspire.Hosting;
using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Projects;

namespace LiteAspire.Hosting.Tests;

/// <summary>Shared pieces of the Hosting tests: the test service's path and how to read what it sees.</summary>
internal static class TestModel
{
    public static string TestServiceProject { get; } = Path.Combine(RepositoryRoot(), "tests", "LiteAspire.Hosting.TestService");

    public static IResourceBuilder<ProjectResource> AddTestService(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddProject(name, TestServiceProject);

    public static async Task<Dictionary<string, string?>> GetEnvironmentAsync(this DistributedApplication app, string resource)
    {
        using var client = app.CreateHttpClient(resource);
        return (await client.GetFromJsonAsync<Dictionary<string, string?>>("/env"))!;
    }

    /// <summary>True while a process with this id exists (and is not a zombie).</summary>
    public static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);

    /// <summary>Every running process whose command line mentions <paramref name="text"/>.</summary>
    public static List<int> ProcessesMentioning(string text) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(n => int.TryParse(n, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Where(pid =>
            {
                try
                {
                    return IsRunning(pid) && File.ReadAllText($"/proc/{pid}/cmdline").Contains(text, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false; // it ended while we looked
                }
            })];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiteAspire.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LiteAspire.sln not found above the test's folder.");
    }
}
