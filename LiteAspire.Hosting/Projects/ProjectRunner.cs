using System.Diagnostics;
using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Orchestration;

namespace LiteAspire.Hosting.Projects;

/// <summary>Builds a project, then runs its built output once per replica on the allocated ports.</summary>
internal sealed class ProjectRunner(ProjectResource project, RunnerContext context, DistributedApplicationExecutionContext executionContext)
    : IResourceRunner
{
    private static readonly HttpClient HealthClient = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<ManagedProcess> _processes = [];

    public IResource Resource => project;

    public string TypeName => "project";

    private EndpointAnnotation HttpEndpoint => project.Annotations.OfType<EndpointAnnotation>().First(e => e.Scheme == "http");

    public IReadOnlyList<string> Urls => [.. Enumerable.Range(0, HttpEndpoint.AllocatedPorts.Count).Select(HttpEndpoint.UrlFor)];

    public IReadOnlyList<int> ProcessIds => [.. _processes.Select(p => p.Pid)];

    public Task<int>? Exited { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var targetPath = await ResolveTargetPathAsync(cancellationToken).ConfigureAwait(false);
        var environment = BuildEnvironment();
        for (var replica = 0; replica < project.Replicas; replica++)
        {
            var startInfo = new ProcessStartInfo(DotnetHost, [targetPath])
            {
                WorkingDirectory = Path.GetDirectoryName(project.ProjectPath)!,
            };
            foreach (var (name, value) in environment)
            {
                startInfo.Environment[name] = value;
            }

            startInfo.Environment["ASPNETCORE_URLS"] = HttpEndpoint.UrlFor(replica);
            startInfo.Environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}-{replica}";
            _processes.Add(ManagedProcess.Start(startInfo, project.Name, context.Logs));
        }

        Exited = Task.WhenAny(_processes.Select(p => p.Exited)).Unwrap();
    }

    private string HealthPath =>
        project.Annotations.OfType<HealthCheckPathAnnotation>().LastOrDefault()?.Path ?? HealthCheckPathAnnotation.DefaultPath;

    public Task WaitHealthyAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Urls.Select(url => HealthProbe.WaitUntilAsync(
            async token =>
            {
                using var response = await HealthClient.GetAsync(new Uri($"{url}{HealthPath}"), token).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            },
            Exited,
            project.Name,
            cancellationToken)));

    public Task StopAsync(TimeSpan timeout) =>
        Task.WhenAll(_processes.Select(p => p.StopAsync(NativeMethods.SIGTERM, timeout)));

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host) ? host : "dotnet";

    private Dictionary<string, string> BuildEnvironment()
    {
        var callbackContext = new EnvironmentCallbackContext(executionContext);
        foreach (var annotation in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            annotation.Callback(callbackContext);
        }

        var environment = new Dictionary<string, string>(callbackContext.EnvironmentVariables, StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["ASPNETCORE_ENVIRONMENT"] = context.Configuration["ASPNETCORE_ENVIRONMENT"] ?? context.Configuration["DOTNET_ENVIRONMENT"] ?? "Development",
        };
        return environment;
    }

    /// <summary>Builds the project (unless told not to) and returns the path of its built assembly.</summary>
    private async Task<string> ResolveTargetPathAsync(CancellationToken cancellationToken)
    {
        var configuration = context.Options.ProjectConfiguration ?? "Debug";
        string[] arguments = context.Options.BuildProjects
            ? ["build", project.ProjectPath, "-c", configuration, "-nologo", "-v", "q", "-t:Build", "-getProperty:TargetPath"]
            : ["msbuild", project.ProjectPath, $"-p:Configuration={configuration}", "-nologo", "-getProperty:TargetPath"];

        await context.BuildLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (context.Options.BuildProjects)
            {
                context.Notifications.Update(project.Name, s => s with { State = ResourceState.Building });
            }

            var output = new List<string>();
            var startInfo = new ProcessStartInfo(DotnetHost, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(project.ProjectPath)!,
            };
            using var build = Process.Start(startInfo)!;
            // Stopping the AppHost mid-build must not leave the build running.
            await using var stopBuild = cancellationToken.Register(() => build.Kill(entireProcessTree: true));
            var stderr = build.StandardError.ReadToEndAsync(cancellationToken);
            while (await build.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                output.Add(line);
            }

            await build.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            var targetPath = output.LastOrDefault(l => l.Trim().Length > 0)?.Trim();
            if (build.ExitCode != 0 || targetPath is null || !File.Exists(targetPath))
            {
                foreach (var line in output.Concat(errors.Split('\n')).Where(l => l.Trim().Length > 0))
                {
                    context.Logs.Write(project.Name, line, isError: true);
                }

                throw new DistributedApplicationException(
                    $"Resource '{project.Name}': 'dotnet {arguments[0]}' of {Path.GetFileName(project.ProjectPath)} failed (exit code {build.ExitCode}); its output is in the log above.");
            }

            return targetPath;
        }
        finally
        {
            context.BuildLock.Release();
        }
    }
}
