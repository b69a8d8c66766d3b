using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

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
    /// <param name="cost">The call's cost, or null when it is not known yet (a stream: header omitted, as LiteLLM does).</param>
    public static void Apply(HttpContext context, string modelGroup, ResolvedDeployment deployment, HttpResponseMessage upstream, double upstreamMs, decimal? cost)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(upstream);
        var headers = context.Response.Headers;
        // NonValidated: the raw values as received; the validated view parses every header into typed objects first.
        foreach (var header in upstream.Headers.NonValidated)
        {
            CopyUpstream(headers, header.Key, header.Value);
        }

        foreach (var header in upstream.Content.Headers.NonValidated)
        {
            CopyUpstream(headers, header.Key, header.Value);
        }

        if (ApiBaseOf(upstream.RequestMessage?.RequestUri) is { } apiBase)
        {
            headers["x-litellm-model-api-base"] = apiBase;
        }

        ApplyOwn(context, modelGroup, deployment.Id, upstreamMs, cost);
    }

    /// <summary>The proxy's own headers for an answer no upstream gave (a cache hit): cost, timing, call id, model group and id.</summary>
    public static void ApplyOwn(HttpContext context, string modelGroup, string modelId, double upstreamMs, decimal? cost)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        var total = CallTiming.ElapsedMs(context);
        headers["x-litellm-call-id"] = CallTiming.CallId(context);
        headers["x-litellm-model-id"] = modelId;
        headers["x-litellm-model-group"] = modelGroup;
        if (cost is { } value)
        {
            headers["x-litellm-response-cost"] = FormatCost(value);
        }

        headers["x-litellm-response-duration-ms"] = total.ToString("0.###", CultureInfo.InvariantCulture);
        headers["x-litellm-overhead-duration-ms"] = Math.Max(0, total - upstreamMs).ToString("0.###", CultureInfo.InvariantCulture);
        headers["x-litellm-version"] = ProxyVersion.Current;
    }

    /// <summary>
    /// A cost as LiteLLM writes it: Python's <c>str(float)</c>, the shortest text that reads back as the same double
    /// (<c>2.85e-05</c>, <c>0.0025</c>, <c>0.0</c>).
    /// </summary>
    public static string FormatCost(decimal cost) => FormatFloat((double)cost);

    /// <summary>A number as Python's <c>str(float)</c> writes it (<c>600.0</c>, <c>0.5</c>, <c>2.85e-05</c>).</summary>
    public static string FormatFloat(double value)
    {
        // .NET's shortest round-trip form switches to exponents below 1e-4 as Python does ("2.85E-05" vs "2.85e-05").
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>The upstream URL without its query string (Azure puts api-version there; some providers put keys there).</summary>
    public static string? ApiBaseOf(Uri? uri) => uri?.GetLeftPart(UriPartial.Path);

    private static void CopyUpstream(IHeaderDictionary headers, string name, HeaderStringValues values)
    {
        var value = values.ToString(); // multiple values joined with ", ", as the validated view would
        headers[PrefixedName(name)] = value;
        if (name.StartsWith("x-ratelimit-", StringComparison.OrdinalIgnoreCase))
        {
            headers[name] = value;
        }
    }

    // An upstream sends the same dozen header names on every call: build each "llm_provider-" name once. Bounded, so an
    // upstream inventing names cannot grow it without limit.
    private static readonly ConcurrentDictionary<string, string> s_prefixedNames = new(StringComparer.Ordinal);

    private static string PrefixedName(string name)
    {
        if (s_prefixedNames.TryGetValue(name, out var prefixed))
        {
            return prefixed;
        }

        prefixed = "llm_provider-" + name;
        if (s_prefixedNames.Count < 512)
        {
            s_prefixedNames.TryAdd(name, prefixed);
        }

        return prefixed;
    }
}
