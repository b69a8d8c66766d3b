using Microsoft.Extensions.Configuration;

namespace LiteAspire.Proxy.Configuration;

/// <summary>The proxy admin key: <c>general_settings.master_key</c>, else <c>LITELLM_MASTER_KEY</c>. Its text never reaches a log.</summary>
public sealed class MasterKey
{
    /// <summary>LiteLLM's environment variable for the master key.</summary>
    public const string EnvironmentVariable = "LITELLM_MASTER_KEY";

    private MasterKey(string? value, string? source)
    {
        Value = value;
        Source = source;
    }

    /// <summary>No master key: as in LiteLLM, every caller is treated as the admin.</summary>
    public static MasterKey None { get; } = new(null, null);

    /// <summary>The key, or null when none is set.</summary>
    public string? Value { get; }

    /// <summary>Where it came from (<c>general_settings.master_key</c> or <c>LITELLM_MASTER_KEY</c>), or null.</summary>
    public string? Source { get; }

    /// <summary>True when a key is set.</summary>
    public bool IsSet => Value is not null;

    /// <summary>Picks the key: the config file first, then the environment (via <paramref name="configuration"/>).</summary>
    public static MasterKey Resolve(ProxyConfig config, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(config.GeneralSettings.MasterKey))
        {
            return new MasterKey(config.GeneralSettings.MasterKey, "general_settings.master_key");
        }

        var fromEnvironment = configuration[EnvironmentVariable];
        return string.IsNullOrWhiteSpace(fromEnvironment) ? None : new MasterKey(fromEnvironment, EnvironmentVariable);
    }

    /// <summary>Says whether and where a key is set, never the key.</summary>
    public override string ToString() => IsSet ? $"master key from {Source}" : "no master key";
}
