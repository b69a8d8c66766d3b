using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// An immutable routing snapshot built from <c>model_list</c> (and the models stored in the database) and
/// <c>router_settings.model_group_alias</c>: exact groups, wildcard groups (<c>*</c>, <c>anthropic/*</c>) and aliases.
/// The hot path only reads it; a change builds a new one, which <see cref="ModelRouter.Swap"/> puts in place.
/// </summary>
public sealed class DeploymentTable
{
    private readonly Dictionary<string, DeploymentEntry[]> _groups = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, string Suffix, string Name, DeploymentEntry[] Entries)> _wildcards = [];
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly List<string> _publicNames = [];
    private readonly DeploymentResolver _resolver;

    /// <summary>Builds the snapshot from <paramref name="config"/>.</summary>
    public DeploymentTable(ProxyConfig config, DeploymentResolver resolver)
        : this((config ?? throw new ArgumentNullException(nameof(config))).ModelList, config.RouterSettings, resolver)
    {
    }

    /// <summary>Builds the snapshot from <paramref name="models"/> (config.yaml's, then the database's) and the aliases of <paramref name="routerSettings"/>.</summary>
    public DeploymentTable(IReadOnlyList<ModelDeployment> models, RouterSettings routerSettings, DeploymentResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(routerSettings);
        _resolver = resolver;
        var grouped = new Dictionary<string, List<DeploymentEntry>>(StringComparer.Ordinal);
        var all = new List<DeploymentEntry>(models.Count);
        foreach (var source in models)
        {
            var entry = new DeploymentEntry(resolver.Resolve(source), source, source.LiteLLMParams.Order ?? long.MaxValue, WeightOf(source.LiteLLMParams));
            all.Add(entry);
            if (!grouped.TryGetValue(source.ModelName, out var list))
            {
                grouped[source.ModelName] = list = [];
                _publicNames.Add(source.ModelName);
            }

            list.Add(entry);
        }

        Deployments = all;
        foreach (var (name, list) in grouped)
        {
            var star = name.IndexOf('*', StringComparison.Ordinal);
            if (star < 0)
            {
                _groups[name] = [.. list];
            }
            else
            {
                _wildcards.Add((name[..star], name[(star + 1)..], name, [.. list]));
            }
        }

        // The most specific pattern wins: "anthropic/*" before "*".
        _wildcards.Sort((a, b) => (b.Prefix.Length + b.Suffix.Length).CompareTo(a.Prefix.Length + a.Suffix.Length));

        foreach (var (alias, target) in routerSettings.ModelGroupAlias)
        {
            var (model, hidden) = target switch
            {
                string text => (text, false),
                IReadOnlyDictionary<string, object?> map => (map.GetValueOrDefault("model")?.ToString(), map.GetValueOrDefault("hidden") is true),
                _ => (target?.ToString(), false),
            };
            if (model is { Length: > 0 })
            {
                _aliases[alias] = model;
                if (!hidden && !grouped.ContainsKey(alias))
                {
                    _publicNames.Add(alias);
                }
            }
        }
    }

    /// <summary>Every deployment, in file order.</summary>
    public IReadOnlyList<DeploymentEntry> Deployments { get; }

    /// <summary>The names <c>/v1/models</c> lists: model groups (wildcards included, as written) and visible aliases.</summary>
    public IReadOnlyList<string> PublicModelNames => _publicNames;

    /// <summary>Finds the group for <paramref name="requestedModel"/>: an alias first, then an exact group, then the most specific wildcard.</summary>
    public ModelRoute? Find(string requestedModel)
    {
        ArgumentNullException.ThrowIfNull(requestedModel);
        var model = _aliases.TryGetValue(requestedModel, out var target) ? target : requestedModel;
        if (_groups.TryGetValue(model, out var entries))
        {
            return new ModelRoute(model, entries, null, this);
        }

        foreach (var (prefix, suffix, _, wildcardEntries) in _wildcards)
        {
            if (model.Length >= prefix.Length + suffix.Length
                && model.StartsWith(prefix, StringComparison.Ordinal) && model.EndsWith(suffix, StringComparison.Ordinal))
            {
                return new ModelRoute(model, wildcardEntries, model[prefix.Length..(model.Length - suffix.Length)], this);
            }
        }

        return null;
    }

    /// <summary>The deployment with id <paramref name="deploymentId"/> as a route of its own (a fallback may name one), or null.</summary>
    public ModelRoute? FindDeployment(string deploymentId)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        foreach (var entry in Deployments)
        {
            if (entry.Id == deploymentId)
            {
                return new ModelRoute(entry.Source.ModelName, [entry], null, this) { Pinned = true };
            }
        }

        return null;
    }

    /// <summary>The deployment to call for <paramref name="entry"/> of <paramref name="route"/>: wildcards get the matched name filled in.</summary>
    public ResolvedDeployment Materialize(ModelRoute route, DeploymentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(entry);
        if (route.WildcardMatch is not { } match)
        {
            return entry.Deployment;
        }

        var template = entry.Source.LiteLLMParams.Model;
        var model = template.Contains('*', StringComparison.Ordinal)
            ? template.Replace("*", match, StringComparison.Ordinal)
            : template;
        return _resolver.Resolve(entry.Source, model, route.ModelGroup);
    }

    private static double WeightOf(LiteLLMParams parameters)
    {
        var weight = parameters.Weight ?? parameters.Rpm ?? parameters.Tpm ?? 1d;
        return weight > 0 ? weight : 1d;
    }
}
