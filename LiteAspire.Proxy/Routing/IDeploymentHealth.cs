namespace LiteAspire.Proxy.Routing;

/// <summary>What the background health checks say about a deployment: one marked unhealthy is left out of routing until a check passes.</summary>
public interface IDeploymentHealth
{
    /// <summary>True while the latest background check of <paramref name="deploymentId"/> failed.</summary>
    bool IsUnhealthy(string deploymentId);
}
