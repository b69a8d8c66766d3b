using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>The seam the cost issue fills: USD cost of one call from its usage. Null means unknown, and the cost header is omitted.</summary>
public interface ICostCalculator
{
    /// <summary>The cost of a call to <paramref name="deployment"/> that used <paramref name="usage"/> (OpenAI usage object), or null.</summary>
    decimal? Calculate(ResolvedDeployment deployment, JsonObject? usage);
}
