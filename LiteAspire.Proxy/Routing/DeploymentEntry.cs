using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>A deployment in the routing snapshot: what to call, plus the routing facts the selector weighs.</summary>
/// <param name="Deployment">The resolved deployment (for wildcard entries, resolved again per request with the matched name).</param>
/// <param name="Source">The <c>model_list</c> entry it came from.</param>
/// <param name="Order">The priority tier; lower is tried first.</param>
/// <param name="Weight">The relative pick weight (weight, else rpm, else tpm, else 1).</param>
public sealed record DeploymentEntry(ResolvedDeployment Deployment, ModelDeployment Source, long Order, double Weight);
