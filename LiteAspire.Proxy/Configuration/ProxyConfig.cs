namespace LiteAspire.Proxy.Configuration;

/// <summary>An immutable snapshot of config.yaml, read once at start; hot paths read it, never the file.</summary>
public sealed class ProxyConfig
{
    /// <summary>The configuration of a proxy started without a config file.</summary>
    public static ProxyConfig Empty { get; } = new();

    /// <summary>The file it was read from, or null.</summary>
    public string? SourcePath { get; init; }

    /// <summary><c>model_list</c>: the deployments, in file order.</summary>
    public IReadOnlyList<ModelDeployment> ModelList { get; init; } = [];

    /// <summary><c>litellm_settings</c>.</summary>
    public LiteLLMSettings LiteLLMSettings { get; init; } = new();

    /// <summary><c>router_settings</c>.</summary>
    public RouterSettings RouterSettings { get; init; } = new();

    /// <summary><c>general_settings</c>.</summary>
    public GeneralSettings GeneralSettings { get; init; } = new();

    /// <summary><c>environment_variables</c>: copied into the process environment at start (values may be secrets).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>Top-level keys kept but not used: LiteLLM sections not supported yet, and unknown keys.</summary>
    public IReadOnlyDictionary<string, object?> IgnoredSections { get; init; } = ConfigValues.EmptyMap;

    /// <summary>Problems worth telling the operator that do not stop the start (ignored keys, unset <c>os.environ/</c> variables).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
