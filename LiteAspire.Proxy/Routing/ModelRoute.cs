namespace LiteAspire.Proxy.Routing;

/// <summary>Where a requested model name leads: its model group and the deployments that serve it.</summary>
/// <param name="ModelGroup">The group name reported as <c>x-litellm-model-group</c> (the requested name for wildcard matches).</param>
/// <param name="Candidates">The deployments to pick from (never empty).</param>
/// <param name="WildcardMatch">For a wildcard group, the text <c>*</c> matched; null for an exact group.</param>
/// <param name="Table">The snapshot the route was found in (a wildcard deployment is materialised from it).</param>
public sealed record ModelRoute(string ModelGroup, IReadOnlyList<DeploymentEntry> Candidates, string? WildcardMatch, DeploymentTable Table)
{
    /// <summary>The group's first deployment: what a request names before routing picks (its provider, a failed request's spend log).</summary>
    public Providers.ResolvedDeployment FirstDeployment => Candidates[0].Deployment;

    /// <summary>True for a fallback to one deployment named by id: it is called even while cooling down, as LiteLLM does.</summary>
    public bool Pinned { get; init; }
}
