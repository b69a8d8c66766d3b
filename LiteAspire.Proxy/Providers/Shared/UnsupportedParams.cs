using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.Shared;

/// <summary>LiteLLM's <c>UnsupportedParamsError</c> for OpenAI parameters a provider has no place for, unless <c>drop_params</c> is on.</summary>
public static class UnsupportedParams
{
    /// <summary>For a parameter the provider does not take: nothing under drop_params, else LiteLLM's UnsupportedParamsError (400).</summary>
    public static void Reject(bool dropParams, string provider, string param, string? why = null)
    {
        if (!dropParams)
        {
            throw new ProviderException(LiteLLMErrorKind.UnsupportedParamsError, provider,
                $"{provider} does not support parameters: ['{param}']{(why is null ? "" : " (" + why + ")")}. To drop these, set `litellm.drop_params=True` or for proxy: `litellm_settings: drop_params: true`.",
                400, param);
        }
    }

    /// <summary>Rejects the first of <paramref name="names"/> the request sets, then <c>n</c> above 1 (one choice is all these providers return).</summary>
    public static void RejectPresent(JsonObject request, bool dropParams, string provider, string[] names)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (request[name] is not null)
            {
                Reject(dropParams, provider, name);
            }
        }

        if (request["n"] is { } n && JsonRead.LongOrZero(n) > 1)
        {
            Reject(dropParams, provider, "n");
        }
    }
}
