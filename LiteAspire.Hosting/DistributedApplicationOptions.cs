namespace LiteAspire.Hosting;

/// <summary>How the AppHost runs; the command line sets these, the testing builder overrides them.</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>The AppHost's command-line arguments.</summary>
    public string[] Args { get; set; } = [];

    /// <summary>Where PostgreSQL and Redis keep their data and generated secrets live. Default: the AppHost's .state folder.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Build each project before running its output (off with --no-build).</summary>
    public bool BuildProjects { get; set; } = true;

    /// <summary>Ignore the model's fixed ports and choose free ones (the testing builder's default).</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>The build configuration projects are built and run in; default: the AppHost's own.</summary>
    public string? ProjectConfiguration { get; set; }

    /// <summary>Delete the state folder when the application is disposed (the testing builder's fresh folders).</summary>
    public bool DeleteStateDirectoryOnDispose { get; set; }

    /// <summary>Print the resource table and each resource's log lines to the console.</summary>
    public bool WriteToConsole { get; set; } = true;

    /// <summary>How long a resource may take to become healthy after it starts.</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How long a resource gets to stop before it is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
