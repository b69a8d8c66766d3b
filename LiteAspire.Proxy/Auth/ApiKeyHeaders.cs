namespace LiteAspire.Proxy.Auth;

/// <summary>Finds the caller's key in the headers LiteLLM accepts (OpenAI, Azure, Anthropic, Google SDKs and LiteLLM's own).</summary>
public static class ApiKeyHeaders
{
    // First non-empty wins, in LiteLLM's order.
    private static readonly string[] s_headers = ["Authorization", "API-Key", "x-api-key", "x-goog-api-key", "Ocp-Apim-Subscription-Key", "x-litellm-api-key"];

    /// <summary>The key presented, without a <c>Bearer </c>/<c>Basic </c> scheme, or null when none.</summary>
    public static string? Find(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var name in s_headers)
        {
            if (headers.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } value)
            {
                var key = StripScheme(value);
                if (key.Length > 0)
                {
                    return key;
                }
            }
        }

        return null;
    }

    /// <summary>LiteLLM's abbreviation of a key for error messages: <c>sk-...abcd</c>.</summary>
    public static string Mask(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length > 8 ? string.Concat(key.AsSpan(0, 3), "...", key.AsSpan(key.Length - 4)) : "***";
    }

    private static string StripScheme(string value)
    {
        foreach (var scheme in (ReadOnlySpan<string>)["Bearer ", "Basic "])
        {
            if (value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return value[scheme.Length..].Trim();
            }
        }

        return value;
    }
}
