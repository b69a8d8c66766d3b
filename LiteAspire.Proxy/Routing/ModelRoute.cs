namespace LiteAspire.Proxy.Routing;

/// <summary>Where a requested model name leads: its model group and the deployments that serve it.</summary>
/// <param name="ModelGroup">The group name reported as <c>x-litellm-model-group</c> (the requested name for wildcard matches).</param>
/// <param name="Candidates">The deployments to pick from (never empty).</param>
/// <param name="WildcardMatch">For a wildcard group, the text <c>*</c> matched; null for an exact group.</param>
public sealed record ModelRoute(string ModelGroup, IReadOnlyList<DeploymentEntry> Candidates, string? WildcardMatch);
