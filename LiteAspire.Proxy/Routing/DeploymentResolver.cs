using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>Turns a <c>model_list</c> entry into a <see cref="ResolvedDeployment"/>: provider split, id, credentials from the provider's environment defaults.</summary>
public sealed class DeploymentResolver
{
    private readonly ProviderRegistry _registry;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the resolver; <paramref name="environment"/> reads environment variables (the process environment when null).</summary>
    public DeploymentResolver(ProviderRegistry registry, Func<string, string?>? environment = null)
    {
        _registry = registry;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>Resolves <paramref name="source"/>; <paramref name="litellmModel"/> overrides its model (a wildcard with the requested name filled in).</summary>
    public ResolvedDeployment Resolve(ModelDeployment source, string? litellmModel = null, string? modelGroup = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parameters = source.LiteLLMParams;
        var (provider, upstreamModel) = ProviderModelName.Split(litellmModel ?? parameters.Model);
        var defaults = _registry.EnvironmentDefaults(provider);
        var extra = new Dictionary<string, object?>(parameters.Extra, StringComparer.Ordinal);
        return new ResolvedDeployment
        {
            ModelGroup = modelGroup ?? source.ModelName,
            Id = DeploymentId(source),
            Provider = provider,
            UpstreamModel = upstreamModel,
            ApiBase = parameters.ApiBase ?? FirstSet(defaults.ApiBaseVariables) ?? _registry.ComputedApiBase(provider),
            ApiKey = parameters.ApiKey ?? FirstSet(defaults.ApiKeyVariables),
            ApiVersion = parameters.ApiVersion ?? FirstSet(defaults.ApiVersionVariables),
            Timeout = parameters.Timeout is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : null,
            Params = extra,
            ModelInfo = source.ModelInfo,
        };
    }

    /// <summary><c>model_info.id</c>, else a stable SHA-256 of the model name and its <c>litellm_params</c> (same config, same id on every replica).</summary>
    public static string DeploymentId(ModelDeployment source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.ModelInfo.TryGetValue("id", out var id) && id?.ToString() is { Length: > 0 } given)
        {
            return given;
        }

        var p = source.LiteLLMParams;
        var canonical = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["model_name"] = source.ModelName,
            ["model"] = p.Model,
            ["api_base"] = p.ApiBase,
            ["api_key"] = p.ApiKey,
            ["api_version"] = p.ApiVersion,
            ["rpm"] = p.Rpm,
            ["tpm"] = p.Tpm,
            ["timeout"] = p.Timeout,
            ["weight"] = p.Weight,
            ["order"] = p.Order,
        };
        foreach (var (key, value) in p.Extra)
        {
            canonical[key] = value;
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(canonical)));
        return Convert.ToHexStringLower(bytes);
    }

    private string? FirstSet(IReadOnlyList<string> variables)
    {
        for (var i = 0; i < variables.Count; i++)
        {
            if (_environment(variables[i]) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }
}
