using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// Holds the current routing snapshot. It is one volatile reference: a request reads it once and never locks; a model added,
/// changed or deleted through the management API swaps in a new snapshot for the requests that follow.
/// </summary>
public sealed class ModelRouter(DeploymentTable table)
{
    private volatile DeploymentTable _table = table;

    /// <summary>The current snapshot.</summary>
    public DeploymentTable Table => _table;

    /// <summary>Puts <paramref name="next"/> in place of the current snapshot (requests already routed keep theirs).</summary>
    public void Swap(DeploymentTable next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _table = next;
    }

    /// <summary>The group serving <paramref name="model"/> in the current snapshot.</summary>
    /// <exception cref="GatewayException">400 when no group, alias or wildcard serves the name.</exception>
    public ModelRoute Find(string model) => _table.Find(model) ?? throw GatewayException.InvalidModel(model);
}
