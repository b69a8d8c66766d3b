using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>A requested model, routed: the group it belongs to and the deployment picked for this call.</summary>
/// <param name="ModelGroup">The model group (<c>x-litellm-model-group</c>).</param>
/// <param name="Deployment">The deployment to call.</param>
public sealed record RoutedModel(string ModelGroup, ResolvedDeployment Deployment);

/// <summary>Finds a requested model's group in the snapshot and lets the selector pick a deployment.</summary>
public sealed class ModelRouter(DeploymentTable table, IDeploymentSelector selector)
{
    /// <summary>The snapshot.</summary>
    public DeploymentTable Table { get; } = table;

    /// <summary>Routes <paramref name="model"/>.</summary>
    /// <exception cref="GatewayException">400 when no group, alias or wildcard serves the name.</exception>
    public RoutedModel Pick(string model)
    {
        var route = Table.Find(model) ?? throw GatewayException.InvalidModel(model);
        var entry = selector.Select(route.Candidates);
        return new RoutedModel(route.ModelGroup, Table.Materialize(route, entry));
    }
}
