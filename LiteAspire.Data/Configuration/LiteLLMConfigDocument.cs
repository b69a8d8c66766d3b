using System.Collections.ObjectModel;
using System.Text.RegularExpressions;

using Microsoft.Extensions.Configuration;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LiteAspire.Data.Configuration;

/// <summary>
/// A LiteLLM config.yaml parsed into its top-level sections, with its <c>environment_variables</c> read first so that
/// <c>os.environ/</c> sees them: what the Proxy's config loader and the Worker's settings both start from.
/// </summary>
public sealed partial class LiteLLMConfigDocument
{
    private LiteLLMConfigDocument(YamlConfigReader reader, IReadOnlyDictionary<string, YamlNode> sections,
        IReadOnlyDictionary<string, string> environmentVariables, List<string> warnings)
    {
        Reader = reader;
        Sections = sections;
        EnvironmentVariables = environmentVariables;
        Warnings = warnings;
    }

    /// <summary>The reader the sections are read with.</summary>
    public YamlConfigReader Reader { get; }

    /// <summary>Top-level sections by name, in file order.</summary>
    public IReadOnlyDictionary<string, YamlNode> Sections { get; }

    /// <summary><c>environment_variables</c> (values may be secrets).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; }

    /// <summary>Problems that do not stop the start; readers of the sections may add their own.</summary>
    public List<string> Warnings { get; }

    /// <summary>The config file a service was given: <c>--config</c>, else <c>CONFIG_FILE_PATH</c>; null when neither is set.</summary>
    public static string? PathFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration["config"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = configuration["CONFIG_FILE_PATH"];
        }

        return string.IsNullOrWhiteSpace(path) ? null : path;
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="StartupConfigurationException">Of <paramref name="error"/>'s type: the file is missing, unreadable or malformed.</exception>
    public static LiteLLMConfigDocument Load(string path, Func<string, string?>? environment, Func<string, Exception?, StartupConfigurationException> error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(error);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw error($"Cannot read config file {System.IO.Path.GetFullPath(path)}: {e.Message}", e);
        }

        return Parse(text, path, environment, error);
    }

    /// <summary>Reads config text; <paramref name="sourceName"/> is how messages name it.</summary>
    /// <exception cref="StartupConfigurationException">Of <paramref name="error"/>'s type: the text is malformed; the message gives the line, column and reason.</exception>
    public static LiteLLMConfigDocument Parse(string yaml, string sourceName, Func<string, string?>? environment,
        Func<string, Exception?, StartupConfigurationException> error)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(error);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var (line, column) = Position(e, yaml);
            throw error($"{sourceName} line {line}, column {column}: {Reason(e)}", e);
        }

        var reader = new YamlConfigReader(sourceName, environment ?? Environment.GetEnvironmentVariable, message => error(message, null));
        var warnings = new List<string>();
        if (stream.Documents.Count > 1)
        {
            warnings.Add($"{sourceName} holds {stream.Documents.Count} YAML documents; only the first is read.");
        }

        var sections = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var root = stream.Documents.Count == 0 ? null : reader.Mapping(stream.Documents[0].RootNode, "the top level of the config");
        if (root is not null)
        {
            foreach (var (key, value) in reader.Entries(root, "config"))
            {
                sections[key] = value;
            }
        }

        var environmentVariables = ReadEnvironmentVariables(reader, sections.GetValueOrDefault("environment_variables"));
        reader.ConfigEnvironment = environmentVariables;
        return new LiteLLMConfigDocument(reader, sections, environmentVariables, warnings);
    }

    /// <summary>A section's entries by key (empty when the section is absent or null).</summary>
    public IReadOnlyDictionary<string, YamlNode> Entries(string section)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (Reader.Mapping(Sections.GetValueOrDefault(section), section) is { } mapping)
        {
            foreach (var (key, value) in Reader.Entries(mapping, section))
            {
                entries[key] = value;
            }
        }

        return entries;
    }

    private static ReadOnlyDictionary<string, string> ReadEnvironmentVariables(YamlConfigReader reader, YamlNode? node)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.Mapping(node, "environment_variables") is { } mapping)
        {
            foreach (var (name, value) in reader.Entries(mapping, "environment_variables"))
            {
                if (reader.String(value, $"environment_variables.{name}") is { } text)
                {
                    variables[name] = text;
                }
            }
        }

        return new ReadOnlyDictionary<string, string>(variables);
    }

    // YamlDotNet places a tab-indentation error at the start of the enclosing mapping; point at the tab itself.
    private static (long Line, long Column) Position(YamlException e, string yaml)
    {
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var lines = yaml.Split('\n');
            for (var i = (int)Math.Max(e.Start.Line - 1, 0); i < lines.Length; i++)
            {
                var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
                if (tab >= 0 && tab < indentation)
                {
                    return (i + 1, tab + 1);
                }
            }
        }

        return (e.Start.Line, e.Start.Column);
    }

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 9, Idx: 24): "; the position is given once, by us.
    private static string Reason(YamlException e)
    {
        var reason = MarkPrefix().Replace(e.Message, string.Empty);
        if (e.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message))
        {
            reason = $"{reason} {MarkPrefix().Replace(inner.Message, string.Empty)}";
        }

        return reason.Trim();
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
