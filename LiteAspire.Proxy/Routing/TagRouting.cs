using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// LiteLLM's tag-based routing (<c>router_settings.enable_tag_filtering</c>): a tagged request goes to the deployments
/// whose <c>tags</c> match (any shared tag, or all of the request's with <c>tag_filtering_match_any: false</c>), else to
/// those tagged <c>default</c>; an untagged request goes to the <c>default</c> deployments when there are any, else to all.
/// </summary>
public static class TagRouting
{
    /// <summary>The tag deployments carry to take untagged requests.</summary>
    public const string DefaultTag = "default";

    /// <summary>The deployments of <paramref name="route"/> that serve <paramref name="requestTags"/>.</summary>
    /// <exception cref="GatewayException">400 when a tagged request matches no deployment and none is tagged <c>default</c> (LiteLLM's message).</exception>
    public static HashSet<DeploymentEntry> Serving(ModelRoute route, IReadOnlyList<string> requestTags, bool matchAny)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(requestTags);
        var matching = new HashSet<DeploymentEntry>(ReferenceEqualityComparer.Instance);
        var defaults = new HashSet<DeploymentEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in route.Candidates)
        {
            if (requestTags.Count > 0 && Matches(entry.Tags, requestTags, matchAny))
            {
                matching.Add(entry);
            }

            if (entry.Tags.Contains(DefaultTag))
            {
                defaults.Add(entry);
            }
        }

        if (matching.Count > 0)
        {
            return matching;
        }

        if (defaults.Count > 0)
        {
            return defaults;
        }

        if (requestTags.Count > 0)
        {
            throw new GatewayException(400,
                $"Not allowed to access model due to tags configuration. Passed model={route.ModelGroup} and tags=[{string.Join(", ", requestTags)}]",
                "invalid_request_error", "tags");
        }

        // Untagged, and no default deployments: any of them.
        matching.UnionWith(route.Candidates);
        return matching;
    }

    private static bool Matches(IReadOnlyList<string> deploymentTags, IReadOnlyList<string> requestTags, bool matchAny) =>
        matchAny ? requestTags.Any(deploymentTags.Contains) : requestTags.All(deploymentTags.Contains);
}
