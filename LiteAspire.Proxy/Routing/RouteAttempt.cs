using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>One call to one deployment, as the router hands it to a pipeline.</summary>
/// <param name="ModelGroup">The group being served (a fallback's group after a fallback).</param>
/// <param name="Deployment">The deployment to call.</param>
/// <param name="Timeout">The deadline for the answer (for a stream: for its first byte, and then between chunks).</param>
/// <param name="State">The deployment's runtime state (a stream holds its in-flight slot until it ends, see <see cref="HoldInFlight"/>).</param>
public sealed record RouteAttempt(string ModelGroup, ResolvedDeployment Deployment, TimeSpan Timeout, DeploymentState State)
{
    /// <summary>For a fallback the request named with its own <c>messages</c>: those, sent instead of the request's.</summary>
    public System.Text.Json.Nodes.JsonArray? Messages { get; init; }

    /// <summary>Set by <see cref="HoldInFlight"/>: the call outlives the attempt, and ends when its stream does.</summary>
    internal bool Held { get; private set; }

    /// <summary>Keeps the call counted in flight after the attempt returns (a stream still being read); call the result when it ends.</summary>
    public Action HoldInFlight()
    {
        Held = true;
        return State.Ended;
    }
}
