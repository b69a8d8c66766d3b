using System.Globalization;

using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>LiteLLM's response headers (<c>x-litellm-*</c>), the upstream's rate-limit headers, and every upstream header as <c>llm_provider-*</c>.</summary>
public static class LiteLLMHeaders
{
    /// <summary>Sets the headers on the (not yet started) response.</summary>
    /// <param name="context">The client's request.</param>
    /// <param name="modelGroup">The routed model group.</param>
    /// <param name="deployment">The deployment called.</param>
    /// <param name="upstream">The upstream response (its headers are copied).</param>
    /// <param name="upstreamMs">Time spent waiting for the upstream, subtracted to get the proxy's own overhead.</param>
    /// <param name="cost">The call's cost, or null when unknown (header omitted).</param>
    public static void Apply(HttpContext context, string modelGroup, ResolvedDeployment deployment, HttpResponseMessage upstream, double upstreamMs, decimal? cost)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(upstream);
        var headers = context.Response.Headers;
        foreach (var header in upstream.Headers)
        {
            CopyUpstream(headers, header.Key, header.Value);
        }

        foreach (var header in upstream.Content.Headers)
        {
            CopyUpstream(headers, header.Key, header.Value);
        }

        var total = CallTiming.ElapsedMs(context);
        headers["x-litellm-call-id"] = CallTiming.CallId(context);
        headers["x-litellm-model-id"] = deployment.Id;
        headers["x-litellm-model-group"] = modelGroup;
        if (ApiBaseOf(upstream.RequestMessage?.RequestUri) is { } apiBase)
        {
            headers["x-litellm-model-api-base"] = apiBase;
        }

        if (cost is { } value)
        {
            headers["x-litellm-response-cost"] = value.ToString(CultureInfo.InvariantCulture);
        }

        headers["x-litellm-response-duration-ms"] = total.ToString("0.###", CultureInfo.InvariantCulture);
        headers["x-litellm-overhead-duration-ms"] = Math.Max(0, total - upstreamMs).ToString("0.###", CultureInfo.InvariantCulture);
        headers["x-litellm-attempted-retries"] = "0";
        headers["x-litellm-version"] = ProxyVersion.Current;
    }

    /// <summary>The upstream URL without its query string (Azure puts api-version there; some providers put keys there).</summary>
    public static string? ApiBaseOf(Uri? uri) => uri?.GetLeftPart(UriPartial.Path);

    private static void CopyUpstream(IHeaderDictionary headers, string name, IEnumerable<string> values)
    {
        var value = string.Join(", ", values);
        headers["llm_provider-" + name] = value;
        if (name.StartsWith("x-ratelimit-", StringComparison.OrdinalIgnoreCase))
        {
            headers[name] = value;
        }
    }
}
