using System.Collections.ObjectModel;

using LiteAspire.Data;
using LiteAspire.Data.Configuration;

using YamlDotNet.RepresentationModel;

namespace LiteAspire.Proxy.Configuration;

/// <summary>Reads a LiteLLM config.yaml into a <see cref="ProxyConfig"/> snapshot, the way <c>litellm --config</c> reads it.</summary>
public static class ProxyConfigLoader
{
    /// <summary>Top-level sections LiteAspire reads.</summary>
    public static IReadOnlySet<string> SupportedSections { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "model_list", "litellm_settings", "router_settings", "general_settings", "environment_variables",
    };

    /// <summary>Top-level sections LiteLLM knows that LiteAspire keeps but does not act on yet.</summary>
    public static IReadOnlySet<string> UnsupportedLiteLLMSections { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "credential_list", "finetune_settings", "files_settings", "guardrails", "callback_settings", "search_tools", "assistant_settings",
    };

    private static readonly HashSet<string> s_typedParams = new(StringComparer.Ordinal)
    {
        "model", "api_base", "api_key", "api_version", "rpm", "tpm", "timeout", "weight", "order",
    };

    private static readonly HashSet<string> s_typedGeneral = new(StringComparer.Ordinal)
    {
        "master_key", "database_url", "allow_requests_on_db_unavailable",
    };

    private static readonly HashSet<string> s_typedLiteLLM = new(StringComparer.Ordinal)
    {
        "drop_params", "num_retries", "request_timeout", "cache", "cache_params",
    };

    private static readonly HashSet<string> s_typedRouter = new(StringComparer.Ordinal)
    {
        "routing_strategy", "num_retries", "timeout", "allowed_fails", "cooldown_time", "model_group_alias",
    };

    private static readonly HashSet<string> s_deploymentKeys = new(StringComparer.Ordinal) { "model_name", "litellm_params", "model_info" };

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The config file.</param>
    /// <param name="environment">Looks up <c>os.environ/</c> variables; the process environment when null.</param>
    /// <exception cref="ProxyConfigException">The file is missing, unreadable or malformed; the message says where and why.</exception>
    public static ProxyConfig LoadFile(string path, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var config = Read(LiteLLMConfigDocument.Load(path, environment, Error));
        return new ProxyConfig
        {
            SourcePath = Path.GetFullPath(path),
            ModelList = config.ModelList,
            LiteLLMSettings = config.LiteLLMSettings,
            RouterSettings = config.RouterSettings,
            GeneralSettings = config.GeneralSettings,
            EnvironmentVariables = config.EnvironmentVariables,
            IgnoredSections = config.IgnoredSections,
            Warnings = config.Warnings,
        };
    }

    /// <summary>Reads config text; <paramref name="sourceName"/> is how messages name it.</summary>
    /// <exception cref="ProxyConfigException">The text is malformed; the message gives the line, column and reason.</exception>
    public static ProxyConfig Parse(string yaml, string sourceName = "config.yaml", Func<string, string?>? environment = null) =>
        Read(LiteLLMConfigDocument.Parse(yaml, sourceName, environment, Error));

    private static StartupConfigurationException Error(string message, Exception? inner) =>
        inner is null ? new ProxyConfigException(message) : new ProxyConfigException(message, inner);

    private static ProxyConfig Read(LiteLLMConfigDocument document)
    {
        var reader = document.Reader;
        var sections = document.Sections;
        var warnings = document.Warnings;
        var config = new ProxyConfig
        {
            EnvironmentVariables = document.EnvironmentVariables,
            GeneralSettings = ReadGeneralSettings(reader, sections.GetValueOrDefault("general_settings")),
            ModelList = ReadModelList(reader, sections.GetValueOrDefault("model_list"), warnings),
            LiteLLMSettings = ReadLiteLLMSettings(reader, sections.GetValueOrDefault("litellm_settings")),
            RouterSettings = ReadRouterSettings(reader, sections.GetValueOrDefault("router_settings")),
            IgnoredSections = ReadIgnoredSections(reader, sections, reader.SourceName, warnings),
            Warnings = warnings,
        };

        if (reader.UnsetVariables.Count > 0)
        {
            warnings.Add($"{reader.SourceName}: these os.environ/ variables are not set, so their values are empty: {string.Join(", ", reader.UnsetVariables)}.");
        }

        return config;
    }

    private static Dictionary<string, YamlNode> ToLookup(IEnumerable<KeyValuePair<string, YamlNode>> entries)
    {
        var lookup = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            lookup[key] = value;
        }

        return lookup;
    }

    private static GeneralSettings ReadGeneralSettings(YamlConfigReader reader, YamlNode? node)
    {
        var mapping = reader.Mapping(node, "general_settings");
        if (mapping is null)
        {
            return new GeneralSettings();
        }

        var entries = ToLookup(reader.Entries(mapping, "general_settings"));
        return new GeneralSettings
        {
            MasterKey = reader.String(entries.GetValueOrDefault("master_key"), "general_settings.master_key"),
            DatabaseUrl = reader.String(entries.GetValueOrDefault("database_url"), "general_settings.database_url"),
            AllowRequestsOnDbUnavailable = reader.Boolean(
                entries.GetValueOrDefault("allow_requests_on_db_unavailable"), "general_settings.allow_requests_on_db_unavailable") ?? false,
            Extra = reader.Dictionary(mapping, "general_settings", s_typedGeneral),
        };
    }

    private static ReadOnlyCollection<ModelDeployment> ReadModelList(YamlConfigReader reader, YamlNode? node, List<string> warnings)
    {
        var sequence = reader.Sequence(node, "model_list");
        if (sequence is null)
        {
            return Array.AsReadOnly(Array.Empty<ModelDeployment>());
        }

        var deployments = new ModelDeployment[sequence.Children.Count];
        for (var i = 0; i < deployments.Length; i++)
        {
            deployments[i] = ReadDeployment(reader, sequence.Children[i], $"model_list[{i}]", warnings);
        }

        return Array.AsReadOnly(deployments);
    }

    private static ModelDeployment ReadDeployment(YamlConfigReader reader, YamlNode node, string path, List<string> warnings)
    {
        var mapping = reader.Mapping(node, path) ?? throw reader.Error(node, $"{path} is empty; it needs model_name and litellm_params.");
        var entries = ToLookup(reader.Entries(mapping, path));
        var modelName = reader.String(entries.GetValueOrDefault("model_name"), $"{path}.model_name")
            ?? throw reader.Error(node, $"{path} has no model_name.");
        var paramsPath = $"{path}.litellm_params";
        var paramsNode = entries.GetValueOrDefault("litellm_params");
        var litellmParams = reader.Mapping(paramsNode, paramsPath)
            ?? throw reader.Error(paramsNode ?? node, $"{path} (model_name '{modelName}') has no litellm_params.");
        var values = ToLookup(reader.Entries(litellmParams, paramsPath));

        var unknown = entries.Keys.Where(key => !s_deploymentKeys.Contains(key)).ToList();
        if (unknown.Count > 0)
        {
            warnings.Add($"{path} (model_name '{modelName}'): ignoring keys {string.Join(", ", unknown)}.");
        }

        return new ModelDeployment
        {
            ModelName = modelName,
            LiteLLMParams = new LiteLLMParams
            {
                Model = reader.String(values.GetValueOrDefault("model"), $"{paramsPath}.model")
                    ?? throw reader.Error(litellmParams, $"{paramsPath} (model_name '{modelName}') has no model (e.g. openai/gpt-4o)."),
                ApiBase = reader.String(values.GetValueOrDefault("api_base"), $"{paramsPath}.api_base"),
                ApiKey = reader.String(values.GetValueOrDefault("api_key"), $"{paramsPath}.api_key"),
                ApiVersion = reader.String(values.GetValueOrDefault("api_version"), $"{paramsPath}.api_version"),
                Rpm = reader.Integer(values.GetValueOrDefault("rpm"), $"{paramsPath}.rpm"),
                Tpm = reader.Integer(values.GetValueOrDefault("tpm"), $"{paramsPath}.tpm"),
                Timeout = reader.Number(values.GetValueOrDefault("timeout"), $"{paramsPath}.timeout"),
                Weight = reader.Number(values.GetValueOrDefault("weight"), $"{paramsPath}.weight"),
                Order = reader.Integer(values.GetValueOrDefault("order"), $"{paramsPath}.order"),
                Extra = reader.Dictionary(litellmParams, paramsPath, s_typedParams),
            },
            ModelInfo = reader.Dictionary(reader.Mapping(entries.GetValueOrDefault("model_info"), $"{path}.model_info"), $"{path}.model_info"),
        };
    }

    private static LiteLLMSettings ReadLiteLLMSettings(YamlConfigReader reader, YamlNode? node)
    {
        var mapping = reader.Mapping(node, "litellm_settings");
        if (mapping is null)
        {
            return new LiteLLMSettings();
        }

        var entries = ToLookup(reader.Entries(mapping, "litellm_settings"));
        return new LiteLLMSettings
        {
            DropParams = reader.Boolean(entries.GetValueOrDefault("drop_params"), "litellm_settings.drop_params"),
            NumRetries = reader.Integer(entries.GetValueOrDefault("num_retries"), "litellm_settings.num_retries"),
            RequestTimeout = reader.Number(entries.GetValueOrDefault("request_timeout"), "litellm_settings.request_timeout"),
            Cache = reader.Boolean(entries.GetValueOrDefault("cache"), "litellm_settings.cache"),
            CacheParams = reader.Dictionary(
                reader.Mapping(entries.GetValueOrDefault("cache_params"), "litellm_settings.cache_params"), "litellm_settings.cache_params"),
            Extra = reader.Dictionary(mapping, "litellm_settings", s_typedLiteLLM),
        };
    }

    private static RouterSettings ReadRouterSettings(YamlConfigReader reader, YamlNode? node)
    {
        var mapping = reader.Mapping(node, "router_settings");
        if (mapping is null)
        {
            return new RouterSettings();
        }

        var entries = ToLookup(reader.Entries(mapping, "router_settings"));
        return new RouterSettings
        {
            RoutingStrategy = reader.String(entries.GetValueOrDefault("routing_strategy"), "router_settings.routing_strategy"),
            NumRetries = reader.Integer(entries.GetValueOrDefault("num_retries"), "router_settings.num_retries"),
            Timeout = reader.Number(entries.GetValueOrDefault("timeout"), "router_settings.timeout"),
            AllowedFails = reader.Integer(entries.GetValueOrDefault("allowed_fails"), "router_settings.allowed_fails"),
            CooldownTime = reader.Number(entries.GetValueOrDefault("cooldown_time"), "router_settings.cooldown_time"),
            ModelGroupAlias = reader.Dictionary(
                reader.Mapping(entries.GetValueOrDefault("model_group_alias"), "router_settings.model_group_alias"),
                "router_settings.model_group_alias"),
            Extra = reader.Dictionary(mapping, "router_settings", s_typedRouter),
        };
    }

    private static ReadOnlyDictionary<string, object?> ReadIgnoredSections(
        YamlConfigReader reader, IReadOnlyDictionary<string, YamlNode> sections, string sourceName, List<string> warnings)
    {
        var ignored = new Dictionary<string, object?>(StringComparer.Ordinal);
        var described = new List<string>();
        foreach (var (key, node) in sections)
        {
            if (SupportedSections.Contains(key))
            {
                continue;
            }

            ignored[key] = reader.Value(node, key);
            described.Add(UnsupportedLiteLLMSections.Contains(key) ? $"{key} (LiteLLM section not supported yet)" : $"{key} (unknown)");
        }

        if (described.Count > 0)
        {
            warnings.Add($"{sourceName}: ignoring top-level keys: {string.Join(", ", described)}.");
        }

        return new ReadOnlyDictionary<string, object?>(ignored);
    }
}
