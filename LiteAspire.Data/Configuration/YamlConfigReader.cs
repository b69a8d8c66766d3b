using System.Collections.ObjectModel;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LiteAspire.Data.Configuration;

/// <summary>
/// Reads values out of a parsed config.yaml: resolves <c>os.environ/VAR</c>, merge keys (<c>&lt;&lt;</c>) and YAML 1.1 scalars,
/// and reports a wrong type with the file, line and column. The one reader of config.yaml: the Proxy's whole config and the
/// Worker's settings are read with it.
/// </summary>
/// <param name="sourceName">How messages name the file.</param>
/// <param name="environment">Looks up <c>os.environ/</c> variables not in the config's own <c>environment_variables</c>.</param>
/// <param name="error">Makes the exception a malformed value raises (the caller's own type), from the message.</param>
public sealed class YamlConfigReader(string sourceName, Func<string, string?> environment, Func<string, StartupConfigurationException> error)
{
    private const string EnvironmentPrefix = "os.environ/";
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly List<string> _unsetVariables = [];

    /// <summary>How messages name the file.</summary>
    public string SourceName => sourceName;

    /// <summary>The config's own <c>environment_variables</c>, which <c>os.environ/</c> sees before the process environment.</summary>
    public IReadOnlyDictionary<string, string> ConfigEnvironment { get; set; } = new Dictionary<string, string>();

    /// <summary><c>os.environ/</c> references whose variable is not set, each with where it was used.</summary>
    public IReadOnlyList<string> UnsetVariables => _unsetVariables;

    /// <summary>The exception for a problem at <paramref name="node"/>, naming the file, line and column.</summary>
    public StartupConfigurationException Error(YamlNode node, string message)
    {
        ArgumentNullException.ThrowIfNull(node);
        return error($"{sourceName} line {node.Start.Line}, column {node.Start.Column}: {message}");
    }

    /// <summary>The mapping's entries in file order, then those merged in with <c>&lt;&lt;</c> that it does not override.</summary>
    public IEnumerable<KeyValuePair<string, YamlNode>> Entries(YamlMappingNode mapping, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merges = new List<YamlNode>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                throw Error(keyNode, $"{path} has a key that is not a plain value.");
            }

            if (key == "<<" && scalarKey.Style == ScalarStyle.Plain)
            {
                merges.Add(value);
                continue;
            }

            seen.Add(key);
            yield return new(key, value);
        }

        foreach (var merge in merges)
        {
            IEnumerable<YamlNode> sources = merge is YamlSequenceNode list ? list.Children : [merge];
            foreach (var source in sources)
            {
                if (source is not YamlMappingNode merged)
                {
                    throw Error(source, $"{path}: '<<' must merge a mapping.");
                }

                foreach (var entry in Entries(merged, path))
                {
                    if (seen.Add(entry.Key))
                    {
                        yield return entry;
                    }
                }
            }
        }
    }

    /// <summary>The value as a mapping, or null when absent or null; anything else is an error.</summary>
    public YamlMappingNode? Mapping(YamlNode? node, string path) => node switch
    {
        null => null,
        YamlMappingNode mapping => mapping,
        YamlScalarNode scalar when IsNullScalar(scalar) => null,
        _ => throw Error(node, $"{path} must be a mapping (key: value lines)."),
    };

    /// <summary>The value as a sequence, or null when absent or null; anything else is an error.</summary>
    public YamlSequenceNode? Sequence(YamlNode? node, string path) => node switch
    {
        null => null,
        YamlSequenceNode sequence => sequence,
        YamlScalarNode scalar when IsNullScalar(scalar) => null,
        _ => throw Error(node, $"{path} must be a list ('- ' items)."),
    };

    /// <summary>A scalar's text after <c>os.environ/</c>, or null when absent, null or an unset variable.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the YAML value kind it reads.")]
    public string? String(YamlNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw Error(node, $"{path} must be a single value, not a list or mapping.");
        }

        return IsNullScalar(scalar) ? null : Resolve(scalar, path);
    }

    /// <summary>A YAML 1.1 whole number, or null when absent.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the YAML value kind it reads.")]
    public long? Integer(YamlNode? node, string path) =>
        String(node, path) is { } text
            ? ConfigValues.ToInteger(text.Trim()) ?? throw Error(node!, $"{path} must be a whole number, not '{text}'.")
            : null;

    /// <summary>A YAML 1.1 number, or null when absent.</summary>
    public double? Number(YamlNode? node, string path) =>
        String(node, path) is { } text
            ? ConfigValues.ToNumber(text.Trim()) ?? throw Error(node!, $"{path} must be a number, not '{text}'.")
            : null;

    /// <summary>A YAML 1.1 boolean, or null when absent.</summary>
    public bool? Boolean(YamlNode? node, string path) =>
        String(node, path) is { } text
            ? ConfigValues.ToBoolean(text.Trim()) ?? throw Error(node!, $"{path} must be true or false, not '{text}'.")
            : null;

    /// <summary>A mapping as a read-only dictionary of plain values, leaving out <paramref name="typedKeys"/>.</summary>
    public IReadOnlyDictionary<string, object?> Dictionary(YamlMappingNode? mapping, string path, IReadOnlySet<string>? typedKeys = null)
    {
        if (mapping is null)
        {
            return ConfigValues.EmptyMap;
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(mapping, path))
        {
            if (typedKeys is null || !typedKeys.Contains(key))
            {
                values[key] = Value(value, $"{path}.{key}");
            }
        }

        return new ReadOnlyDictionary<string, object?>(values);
    }

    /// <summary>Any node as plain values: dictionaries, lists, and null/bool/long/double/string scalars.</summary>
    public object? Value(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                return Dictionary(mapping, path);
            case YamlSequenceNode sequence:
                var items = new object?[sequence.Children.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Value(sequence.Children[i], $"{path}[{i}]");
                }

                return Array.AsReadOnly(items);
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (text.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
                {
                    return Resolve(scalar, path);
                }

                var isString = scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag);
                return isString ? text : ConfigValues.FromPlainScalar(text);
            default:
                throw Error(node, $"{path} has a value that cannot be read.");
        }
    }

    private string? Resolve(YamlScalarNode scalar, string path)
    {
        var text = scalar.Value ?? string.Empty;
        if (!text.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
        {
            return text;
        }

        var name = text[EnvironmentPrefix.Length..];
        var value = ConfigEnvironment.TryGetValue(name, out var own) ? own : environment(name);
        if (value is null)
        {
            _unsetVariables.Add($"{name} (at {path})");
        }

        return value;
    }

    private static bool IsNullScalar(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && ConfigValues.IsNull(scalar.Value ?? string.Empty);
}
