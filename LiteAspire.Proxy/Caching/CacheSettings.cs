using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Caching;

/// <summary>Where cached responses live: <c>cache_params.type</c>.</summary>
public enum CacheBackend
{
    /// <summary><c>local</c>: this process's memory.</summary>
    Local,

    /// <summary><c>redis</c>: the proxy's Redis, shared by every replica.</summary>
    Redis,
}

/// <summary>
/// <c>litellm_settings.cache</c> with its <c>cache_params</c> and <c>router_settings.caching_groups</c>, validated once at start.
/// Null from <see cref="From"/> when caching is off.
/// </summary>
public sealed class CacheSettings
{
    /// <summary>LiteLLM's in-memory cache: 200 entries.</summary>
    public const int DefaultMaxEntries = 200;

    /// <summary>LiteLLM's in-memory cache: entries live 600 s unless a ttl says otherwise.</summary>
    public const double DefaultMemoryTtlSeconds = 600;

    /// <summary>LiteLLM's <c>MAX_SIZE_PER_ITEM_IN_MEMORY_CACHE_IN_KB</c> default for the response cache: 1 MiB.</summary>
    public const int DefaultMaxItemKilobytes = 1024;

    // LiteLLM's default supported_call_types.
    private static readonly string[] s_defaultCallTypes =
        ["completion", "acompletion", "embedding", "aembedding", "atranscription", "transcription"];

    private static readonly HashSet<string> s_knownUnsupported = new(StringComparer.Ordinal)
    {
        "redis-semantic", "qdrant-semantic", "valkey-semantic", "s3", "gcs", "disk", "azure-blob",
    };

    /// <summary>The backend.</summary>
    public CacheBackend Backend { get; init; }

    /// <summary><c>cache_params.type</c> as written (<c>local</c> or <c>redis</c>).</summary>
    public string TypeName => Backend == CacheBackend.Redis ? "redis" : "local";

    /// <summary><c>ttl</c> (or <c>default_in_memory_ttl</c>/<c>default_in_redis_ttl</c>) in seconds; null: the backend's default.</summary>
    public double? Ttl { get; init; }

    /// <summary><c>namespace</c>: prefixes every key as <c>namespace:hash</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary><c>mode: default_off</c>: only requests that opt in (<c>cache: {"use-cache": true}</c>) are cached.</summary>
    public bool DefaultOff { get; init; }

    /// <summary><c>supported_call_types</c>: <c>acompletion</c>, <c>aembedding</c>, ... (empty: no LLM call is cached).</summary>
    public IReadOnlySet<string> CallTypes { get; init; } = new HashSet<string>(s_defaultCallTypes, StringComparer.Ordinal);

    /// <summary><c>router_settings.caching_groups</c>: model groups that share entries, each written as LiteLLM writes the tuple.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CachingGroups { get; init; } = [];

    /// <summary>Most entries the in-memory cache keeps (<c>max_size_in_memory</c>).</summary>
    public int MaxEntries { get; init; } = DefaultMaxEntries;

    /// <summary>Largest entry the in-memory cache keeps, in bytes (<c>MAX_SIZE_PER_ITEM_IN_MEMORY_CACHE_IN_KB</c>).</summary>
    public long MaxItemBytes { get; init; } = DefaultMaxItemKilobytes * 1024L;

    /// <summary>True when the call type (e.g. <c>acompletion</c>) is cached.</summary>
    public bool Caches(string callType) => CallTypes.Contains(callType);

    /// <summary>Reads the settings; null when <c>litellm_settings.cache</c> is not true.</summary>
    /// <param name="config">The config snapshot.</param>
    /// <param name="environment">Looks up <c>MAX_SIZE_PER_ITEM_IN_MEMORY_CACHE_IN_KB</c>.</param>
    /// <exception cref="ProxyConfigException">An unknown or not yet supported cache type, or a value of the wrong kind.</exception>
    public static CacheSettings? From(ProxyConfig config, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        if (config.LiteLLMSettings.Cache != true)
        {
            return null;
        }

        var parameters = config.LiteLLMSettings.CacheParams;
        var type = parameters.GetValueOrDefault("type") as string ?? "local";
        var backend = type switch
        {
            "local" => CacheBackend.Local,
            "redis" => CacheBackend.Redis,
            _ when s_knownUnsupported.Contains(type) => throw new ProxyConfigException(
                $"litellm_settings.cache_params.type '{type}' is not supported yet: LiteAspire caches responses in memory (type: local) or in Redis (type: redis)."),
            _ => throw new ProxyConfigException(
                $"litellm_settings.cache_params.type '{type}' is not a cache type: use local or redis."),
        };
        var ttlKey = backend == CacheBackend.Local ? "default_in_memory_ttl" : "default_in_redis_ttl";
        return new CacheSettings
        {
            Backend = backend,
            Ttl = PositiveSeconds(parameters, ttlKey) ?? PositiveSeconds(parameters, "ttl"),
            Namespace = parameters.GetValueOrDefault("namespace") is string ns && ns.Length > 0 ? ns : null,
            DefaultOff = Mode(parameters.GetValueOrDefault("mode")),
            CallTypes = CallTypesOf(parameters),
            CachingGroups = CachingGroupsOf(config.RouterSettings.Extra.GetValueOrDefault("caching_groups")),
            MaxEntries = MaxEntriesOf(parameters),
            MaxItemBytes = MaxItemBytesOf(environment("MAX_SIZE_PER_ITEM_IN_MEMORY_CACHE_IN_KB")),
        };
    }

    private static double? PositiveSeconds(IReadOnlyDictionary<string, object?> parameters, string key)
    {
        var value = parameters.GetValueOrDefault(key);
        if (value is null)
        {
            return null;
        }

        return ConfigValues.NumberOf(value) is { } seconds and > 0
            ? seconds
            : throw new ProxyConfigException($"litellm_settings.cache_params.{key} must be a positive number of seconds, not '{value}'.");
    }

    private static bool Mode(object? value) => value switch
    {
        null or "default_on" => false,
        "default_off" => true,
        _ => throw new ProxyConfigException($"litellm_settings.cache_params.mode must be default_on or default_off, not '{value}'."),
    };

    private static HashSet<string> CallTypesOf(IReadOnlyDictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue("supported_call_types", out var value) || value is null)
        {
            return new HashSet<string>(s_defaultCallTypes, StringComparer.Ordinal);
        }

        if (value is not IEnumerable<object?> list)
        {
            throw new ProxyConfigException("litellm_settings.cache_params.supported_call_types must be a list such as [acompletion, aembedding].");
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is string name)
            {
                types.Add(name);
            }
        }

        return types;
    }

    private static List<IReadOnlyList<string>> CachingGroupsOf(object? value)
    {
        var groups = new List<IReadOnlyList<string>>();
        if (value is not IEnumerable<object?> list)
        {
            return value is null ? groups : throw new ProxyConfigException("router_settings.caching_groups must be a list of model-group lists.");
        }

        foreach (var item in list)
        {
            if (item is not IEnumerable<object?> members || item is string)
            {
                throw new ProxyConfigException("router_settings.caching_groups must be a list of model-group lists, e.g. [[gpt-4o, azure-gpt-4o]].");
            }

            groups.Add([.. members.Select(m => m?.ToString() ?? "")]);
        }

        return groups;
    }

    private static int MaxEntriesOf(IReadOnlyDictionary<string, object?> parameters) =>
        ConfigValues.NumberOf(parameters.GetValueOrDefault("max_size_in_memory")) is { } size and >= 0 ? (int)Math.Min(size, int.MaxValue) : DefaultMaxEntries;

    private static long MaxItemBytesOf(string? kilobytes) =>
        kilobytes is not null && long.TryParse(kilobytes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kb) && kb > 0
            ? kb * 1024
            : DefaultMaxItemKilobytes * 1024L;
}
