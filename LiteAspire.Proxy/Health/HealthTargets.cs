using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Health;

/// <summary>Which deployments a health run covers, as LiteLLM's <c>perform_health_check</c> narrows them.</summary>
public static class HealthTargets
{
    /// <summary>
    /// The deployments <c>?model_id=</c> or <c>?model=</c> name: by id; else by <c>model_name</c>, and when none has that
    /// name, by <c>litellm_params.model</c>; all of them when neither is given.
    /// </summary>
    public static IReadOnlyList<T> Narrow<T>(IReadOnlyList<T> items, Func<T, DeploymentEntry> entryOf, string? model, string? modelId)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(entryOf);
        if (modelId is { Length: > 0 })
        {
            return [.. items.Where(item => entryOf(item).Deployment.Id == modelId)];
        }

        if (model is not { Length: > 0 })
        {
            return items;
        }

        var byName = items.Where(item => entryOf(item).Source.ModelName == model).ToList();
        return byName.Count > 0 ? byName : [.. items.Where(item => entryOf(item).Source.LiteLLMParams.Model == model)];
    }

    /// <summary>
    /// What a run calls: one entry per deployment id; a wildcard deployment (<c>openai/*</c>) only when
    /// <c>model_info.health_check_model</c> names a concrete model to call; with <paramref name="background"/>, none that sets
    /// <c>model_info.disable_background_health_check</c>.
    /// </summary>
    public static IReadOnlyList<DeploymentEntry> Checkable(IEnumerable<DeploymentEntry> entries, bool background)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var checkable = new List<DeploymentEntry>();
        foreach (var entry in entries)
        {
            var info = entry.Source.ModelInfo;
            if (CheckedModel(entry).Contains('*', StringComparison.Ordinal)
                || (background && HealthCheckSettings.Flag(info.GetValueOrDefault("disable_background_health_check")) == true)
                || !seen.Add(entry.Deployment.Id))
            {
                continue;
            }

            checkable.Add(entry);
        }

        return checkable;
    }

    /// <summary>The model a check calls: <c>model_info.health_check_model</c>, else <c>litellm_params.model</c>.</summary>
    public static string CheckedModel(DeploymentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Source.ModelInfo.GetValueOrDefault("health_check_model") is string { Length: > 0 } model ? model : entry.Source.LiteLLMParams.Model;
    }
}
