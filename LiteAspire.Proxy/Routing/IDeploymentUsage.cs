namespace LiteAspire.Proxy.Routing;

/// <summary>
/// This minute's requests and tokens per deployment, for <c>rpm</c>/<c>tpm</c> limits and usage-based routing: across
/// replicas through Redis (<see cref="RedisDeploymentUsage"/>), else this replica's own counts (<see cref="LocalDeploymentUsage"/>).
/// </summary>
public interface IDeploymentUsage
{
    /// <summary>This minute's requests and tokens of <paramref name="deploymentId"/>.</summary>
    (long Requests, long Tokens) Current(string deploymentId);

    /// <summary>Counts a request about to be sent to <paramref name="deploymentId"/>.</summary>
    void AddRequest(string deploymentId);

    /// <summary>Counts the tokens of a finished call.</summary>
    void AddTokens(string deploymentId, long tokens);
}

/// <summary>This replica's counts only (no Redis).</summary>
public sealed class LocalDeploymentUsage(DeploymentStates states) : IDeploymentUsage
{
    /// <inheritdoc />
    public (long Requests, long Tokens) Current(string deploymentId) => states.For(deploymentId).Usage(states.Minute);

    /// <inheritdoc />
    public void AddRequest(string deploymentId)
    {
        // Started() counts the request; nothing more to do without Redis.
    }

    /// <inheritdoc />
    public void AddTokens(string deploymentId, long tokens) => states.For(deploymentId).AddTokens(states.Minute, tokens);
}
