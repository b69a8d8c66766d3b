using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Health;

/// <summary>One deployment, checked.</summary>
/// <param name="Entry">The deployment as the routing table has it.</param>
/// <param name="CheckedModel">The <c>litellm_params.model</c> the check called (<c>model_info.health_check_model</c> when set).</param>
/// <param name="Result">What the check found.</param>
public sealed record DeploymentCheck(DeploymentEntry Entry, string CheckedModel, ProbeResult Result)
{
    /// <summary>The deployment id (<c>model_info.id</c>).</summary>
    public string DeploymentId => Entry.Deployment.Id;
}

/// <summary>One run of health checks over a set of deployments.</summary>
/// <param name="Checks">Each deployment's check, in table order.</param>
/// <param name="CheckedAt">When the run finished.</param>
public sealed record HealthReport(IReadOnlyList<DeploymentCheck> Checks, DateTimeOffset CheckedAt)
{
    /// <summary>No run yet.</summary>
    public static HealthReport Empty { get; } = new([], DateTimeOffset.MinValue);
}
