namespace LiteAspire.Proxy.Providers.Bedrock;

/// <summary>Where a Bedrock deployment's calls go: region and runtime URLs.</summary>
public static class BedrockEndpoint
{
    /// <summary>LiteLLM's fallback when no region is configured anywhere.</summary>
    public const string DefaultRegion = "us-west-2";

    /// <summary><c>aws_region_name</c>, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>, else us-west-2.</summary>
    public static string Region(ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return NonEmpty(deployment.GetString("aws_region_name"))
            ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
            ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"))
            ?? DefaultRegion;
    }

    /// <summary>The model id Bedrock knows: the upstream model without LiteLLM's <c>converse/</c> or <c>invoke/</c> route prefix.</summary>
    public static string ModelId(string upstreamModel)
    {
        ArgumentNullException.ThrowIfNull(upstreamModel);
        foreach (var route in (ReadOnlySpan<string>)["converse/", "invoke/"])
        {
            if (upstreamModel.StartsWith(route, StringComparison.Ordinal))
            {
                return upstreamModel[route.Length..];
            }
        }

        return upstreamModel;
    }

    /// <summary><c>{base}/model/{url-encoded model id}/{operation}</c>; base is api_base, aws_bedrock_runtime_endpoint or the regional host.</summary>
    public static Uri ModelUri(ResolvedDeployment deployment, string region, string operation)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var baseUrl = NonEmpty(deployment.ApiBase) ?? NonEmpty(deployment.GetString("aws_bedrock_runtime_endpoint"))
            ?? $"https://bedrock-runtime.{region}.amazonaws.com";
        // Ids like "anthropic.claude-3-5-sonnet-20240620-v1:0" and ARNs carry ':' and '/', which must travel encoded.
        return new Uri($"{baseUrl.TrimEnd('/')}/model/{Uri.EscapeDataString(ModelId(deployment.UpstreamModel))}/{operation}");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
