using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>The USD cost of one call from what it used.</summary>
public interface ICostCalculator
{
    /// <summary>
    /// The cost of a call to <paramref name="deployment"/> that used <paramref name="usage"/>; 0 when no price is known for
    /// the deployment's model (never a failure).
    /// </summary>
    decimal Calculate(ResolvedDeployment deployment, in CallUsage usage);
}
