using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// A fallback list as LiteLLM writes it: <c>[{"gpt-4o": ["claude-sonnet", "gpt-4o-mini"]}, {"*": ["gpt-4o-mini"]}]</c>. The
/// targets are model groups or deployment ids; <c>*</c> applies to every group without its own entry.
/// </summary>
public sealed class FallbackRules
{
    private readonly Dictionary<string, IReadOnlyList<string>> _byGroup;

    private FallbackRules(Dictionary<string, IReadOnlyList<string>> byGroup) => _byGroup = byGroup;

    /// <summary>No fallbacks.</summary>
    public static FallbackRules None { get; } = new([]);

    /// <summary>True when no group has fallbacks.</summary>
    public bool IsEmpty => _byGroup.Count == 0;

    /// <summary>Reads a list of single-key mappings (a single mapping with several keys is taken too).</summary>
    /// <exception cref="ProxyConfigException">Anything else.</exception>
    public static FallbackRules From(object? value, string name)
    {
        var byGroup = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        switch (value)
        {
            case null:
                return None;
            case IReadOnlyDictionary<string, object?> map:
                Add(byGroup, map, name);
                break;
            case IEnumerable<object?> list:
                foreach (var item in list)
                {
                    Add(byGroup, item as IReadOnlyDictionary<string, object?>
                        ?? throw new ProxyConfigException($"{name} entries must be mappings such as {{\"gpt-4o\": [\"gpt-4o-mini\"]}}."), name);
                }

                break;
            default:
                throw new ProxyConfigException($"{name} must be a list such as [{{\"gpt-4o\": [\"gpt-4o-mini\"]}}].");
        }

        return new FallbackRules(byGroup);
    }

    /// <summary>Reads a list of model names (<c>default_fallbacks</c>).</summary>
    /// <exception cref="ProxyConfigException">A value that is not a list of names.</exception>
    public static IReadOnlyList<string> Names(object? value, string name) => value switch
    {
        null => [],
        string single => [single],
        IEnumerable<object?> list => [.. list.Select(item => item as string ?? throw new ProxyConfigException($"{name} must list model names."))],
        _ => throw new ProxyConfigException($"{name} must be a list of model names."),
    };

    /// <summary>The fallbacks of <paramref name="modelGroup"/>, else of <c>*</c>, else null.</summary>
    public IReadOnlyList<string>? For(string modelGroup) =>
        _byGroup.Count == 0 ? null : _byGroup.GetValueOrDefault(modelGroup) ?? _byGroup.GetValueOrDefault("*");

    private static void Add(Dictionary<string, IReadOnlyList<string>> byGroup, IReadOnlyDictionary<string, object?> map, string name)
    {
        foreach (var (group, targets) in map)
        {
            byGroup[group] = Names(targets, $"{name}.{group}");
        }
    }
}
