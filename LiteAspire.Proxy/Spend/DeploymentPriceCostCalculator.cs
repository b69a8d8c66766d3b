using System.Globalization;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// Cost from the prices a deployment declares in config.yaml (<c>input_cost_per_token</c> / <c>output_cost_per_token</c> in
/// <c>litellm_params</c>, else in <c>model_info</c>), LiteLLM's custom pricing. A deployment without prices has an unknown
/// cost (null). The shipped price table for known models builds on this.
/// </summary>
public sealed class DeploymentPriceCostCalculator : ICostCalculator
{
    /// <inheritdoc />
    public decimal? Calculate(ResolvedDeployment deployment, JsonObject? usage)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var input = Price(deployment, "input_cost_per_token");
        var output = Price(deployment, "output_cost_per_token");
        if (input is null && output is null)
        {
            return null;
        }

        return (Tokens(usage, "prompt_tokens") * (input ?? 0m)) + (Tokens(usage, "completion_tokens") * (output ?? 0m));
    }

    private static decimal? Price(ResolvedDeployment deployment, string name) =>
        Parse(deployment.Params.TryGetValue(name, out var fromParams) ? fromParams : null)
        ?? Parse(deployment.ModelInfo.TryGetValue(name, out var fromInfo) ? fromInfo : null);

    private static decimal? Parse(object? value) => value switch
    {
        null => null,
        decimal d => d,
        double d => (decimal)d,
        long l => l,
        int i => i,
        _ => decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null,
    };

    private static long Tokens(JsonObject? usage, string name) => JsonRead.LongOrZero(usage?[name]);
}
