namespace LiteAspire.Hosting;

/// <summary>The AppHost's own command line: a verb (run, publish), its flags, and configuration overrides.</summary>
internal sealed record AppHostCommandLine(
    DistributedApplicationOperation Operation,
    bool NoBuild,
    bool RandomPorts,
    string? StateDirectory,
    string? OutputPath,
    string[] ConfigurationArgs)
{
    public static AppHostCommandLine Parse(string[] args)
    {
        var operation = DistributedApplicationOperation.Run;
        var noBuild = false;
        var randomPorts = false;
        string? stateDirectory = null;
        string? outputPath = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "run":
                    break;
                case "publish":
                    operation = DistributedApplicationOperation.Publish;
                    break;
                case "--no-build":
                    noBuild = true;
                    break;
                case "--random-ports":
                    randomPorts = true;
                    break;
                case "--state-dir" when i + 1 < args.Length:
                    stateDirectory = Path.GetFullPath(args[++i]);
                    break;
                case "--output-path" when i + 1 < args.Length:
                    outputPath = Path.GetFullPath(args[++i]);
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new AppHostCommandLine(operation, noBuild, randomPorts, stateDirectory, outputPath, [.. rest]);
    }
}
