using System.Runtime.CompilerServices;

using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// The prices of a deployment, found as LiteLLM finds them: the table entry for <c>model_info.base_model</c>, else for
/// <c>litellm_params.model</c> (with, then without, its provider prefix), else for the model group; then every price field
/// set in the deployment's <c>model_info</c> or <c>litellm_params</c> over it (custom pricing; <c>litellm_params</c> wins).
/// Worked out once per deployment.
/// </summary>
public sealed class DeploymentPrices
{
    // LiteLLM's table names these providers by their main prefix.
    private static readonly Dictionary<string, string> s_providerAliases = new(StringComparer.Ordinal)
    {
        ["ollama_chat"] = "ollama",
        ["cohere_chat"] = "cohere",
        ["text-completion-openai"] = "openai",
    };

    private readonly ModelPriceTable _table;
    private readonly ConditionalWeakTable<ResolvedDeployment, Resolved> _resolved = new();
    private readonly ConditionalWeakTable<ResolvedDeployment, Resolved>.CreateValueCallback _resolve;

    /// <summary>Prices from <paramref name="table"/> and each deployment's config.</summary>
    public DeploymentPrices(ModelPriceTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _resolve = Resolve;
    }

    /// <summary>The deployment's prices, or null when neither the table nor its config prices it.</summary>
    public ModelPrice? For(ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return _resolved.GetValue(deployment, _resolve).Price;
    }

    /// <summary>The table key the deployment's prices came from, or null (custom prices only, or unknown).</summary>
    public string? TableKeyOf(ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return _resolved.GetValue(deployment, _resolve).TableKey;
    }

    /// <summary>The names looked up in the table for <paramref name="deployment"/>, in order.</summary>
    public static IEnumerable<string> Candidates(ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var provider = s_providerAliases.GetValueOrDefault(deployment.Provider, deployment.Provider);
        if (deployment.ModelInfo.TryGetValue("base_model", out var baseModel) && baseModel?.ToString() is { Length: > 0 } given)
        {
            foreach (var name in WithAndWithoutPrefix(provider, given))
            {
                yield return name;
            }
        }

        foreach (var name in WithAndWithoutPrefix(provider, deployment.UpstreamModel))
        {
            yield return name;
        }

        // Bedrock's route prefixes (converse/, invoke/) and cross-region inference profiles (us., eu., apac., global.).
        if (provider == "bedrock" && Providers.Bedrock.BedrockEndpoint.ModelId(deployment.UpstreamModel) is var modelId)
        {
            yield return modelId;
            var dot = modelId.IndexOf('.', StringComparison.Ordinal);
            if (dot is > 0 and <= 6 && modelId.IndexOf('.', dot + 1) > 0)
            {
                yield return modelId[(dot + 1)..];
            }
        }

        foreach (var name in WithAndWithoutPrefix(provider, deployment.ModelGroup))
        {
            yield return name;
        }
    }

    private static IEnumerable<string> WithAndWithoutPrefix(string provider, string model)
    {
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && model.AsSpan(0, slash).SequenceEqual(provider))
        {
            yield return model;
            yield return model[(slash + 1)..];
            yield break;
        }

        yield return provider + "/" + model;
        yield return model;
    }

    private Resolved Resolve(ResolvedDeployment deployment)
    {
        string? key = null;
        IReadOnlyDictionary<string, decimal>? fromTable = null;
        foreach (var candidate in Candidates(deployment))
        {
            if (_table.Find(candidate) is { } found)
            {
                (key, fromTable) = (candidate, found);
                break;
            }
        }

        var custom = Overrides(deployment);
        if (fromTable is null && custom is null)
        {
            return new Resolved(null, null);
        }

        if (custom is null)
        {
            return new Resolved(ModelPrice.From(fromTable!), key);
        }

        var merged = fromTable is null ? custom : new Dictionary<string, decimal>(fromTable, StringComparer.Ordinal);
        foreach (var (name, price) in custom)
        {
            merged[name] = price;
        }

        return new Resolved(ModelPrice.From(merged), key);
    }

    private static Dictionary<string, decimal>? Overrides(ResolvedDeployment deployment)
    {
        Dictionary<string, decimal>? custom = null;
        // model_info first, so litellm_params wins where both set a price.
        foreach (var source in (ReadOnlySpan<IReadOnlyDictionary<string, object?>>)[deployment.ModelInfo, deployment.Params])
        {
            foreach (var (name, value) in source)
            {
                if (ModelPrice.IsPriceField(name) && ModelPrice.ParsePrice(value) is { } price)
                {
                    (custom ??= new Dictionary<string, decimal>(StringComparer.Ordinal))[name] = price;
                }
            }
        }

        return custom;
    }

    private sealed record Resolved(ModelPrice? Price, string? TableKey);
}
