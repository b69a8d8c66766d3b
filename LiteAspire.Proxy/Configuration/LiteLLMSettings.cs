namespace LiteAspire.Proxy.Configuration;

/// <summary><c>litellm_settings</c>: library-wide behaviour, a few keys typed and the rest in <see cref="Extra"/>.</summary>
public sealed class LiteLLMSettings
{
    /// <summary><c>drop_params</c>: drop parameters a provider does not support instead of failing.</summary>
    public bool? DropParams { get; init; }

    /// <summary><c>num_retries</c>.</summary>
    public long? NumRetries { get; init; }

    /// <summary><c>request_timeout</c> in seconds.</summary>
    public double? RequestTimeout { get; init; }

    /// <summary><c>cache</c>: response caching on.</summary>
    public bool? Cache { get; init; }

    /// <summary><c>cache_params</c>: cache type, host, ttl, ...</summary>
    public IReadOnlyDictionary<string, object?> CacheParams { get; init; } = ConfigValues.EmptyMap;

    /// <summary>Every other key, values as read from YAML.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = ConfigValues.EmptyMap;
}
