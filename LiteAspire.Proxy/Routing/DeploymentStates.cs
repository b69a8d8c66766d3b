using System.Collections.Concurrent;

namespace LiteAspire.Proxy.Routing;

/// <summary>The <see cref="DeploymentState"/> of every deployment this replica has routed to, by deployment id, and the clock they share.</summary>
public sealed class DeploymentStates(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DeploymentState> _states = new(StringComparer.Ordinal);

    /// <summary>The state of <paramref name="deploymentId"/>, made on first use.</summary>
    public DeploymentState For(string deploymentId) => _states.GetOrAdd(deploymentId, static _ => new DeploymentState());

    /// <summary>The ids seen so far.</summary>
    public ICollection<string> Ids => _states.Keys;

    /// <summary>Now, in Unix milliseconds.</summary>
    public long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The current minute (Unix minutes): usage and failure counts reset when it changes.</summary>
    public long Minute => NowMs / 60_000;
}
