using System.Text;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Providers.OpenAI;

/// <summary>The light fixes OpenAI-shaped chat bodies get: reasoning-model parameter names, and unsupported params dropped or refused.</summary>
public static class OpenAIChatParams
{
    /// <summary>True for OpenAI's reasoning models (o1, o3, o4-mini, gpt-5...), which take <c>max_completion_tokens</c> and no custom temperature.</summary>
    public static bool IsReasoningModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.StartsWith("o1", StringComparison.Ordinal) || model.StartsWith("o3", StringComparison.Ordinal)
            || model.StartsWith("o4", StringComparison.Ordinal) || model.StartsWith("gpt-5", StringComparison.Ordinal);
    }

    /// <summary>Applies the fixes to <paramref name="body"/> in place.</summary>
    /// <exception cref="ProviderException">An unsupported parameter without drop_params.</exception>
    public static void Apply(JsonObject body, OpenAIUpstream upstream, string upstreamModel, bool dropParams)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(upstream);
        List<string>? unsupported = null;
        if (upstream.Provider is "openai" or "azure" && IsReasoningModel(upstreamModel))
        {
            if (body.Remove("max_tokens", out var maxTokens) && !body.ContainsKey("max_completion_tokens"))
            {
                body["max_completion_tokens"] = maxTokens;
            }

            // Reasoning models only take the default temperature (1).
            if (body["temperature"] is JsonValue temperature && temperature.TryGetValue<double>(out var value) && value != 1d)
            {
                (unsupported ??= []).Add("temperature");
            }
        }

        foreach (var name in upstream.UnsupportedParams)
        {
            if (body.ContainsKey(name))
            {
                (unsupported ??= []).Add(name);
            }
        }

        if (unsupported is null)
        {
            return;
        }

        if (!dropParams)
        {
            throw new ProviderException(LiteLLMErrorKind.UnsupportedParamsError, upstream.Provider,
                UnsupportedMessage(upstream.Provider, upstreamModel, unsupported), 400, unsupported[0]);
        }

        foreach (var name in unsupported)
        {
            body.Remove(name);
        }
    }

    /// <summary>LiteLLM's wording, which tells the caller how to drop the params.</summary>
    public static string UnsupportedMessage(string provider, string model, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            list.Append(i == 0 ? "'" : ", '").Append(names[i]).Append('\'');
        }

        return $"{provider} does not support parameters: [{list}], for model={model}. To drop these, set `litellm.drop_params=True` "
            + "or for proxy:\n\n`litellm_settings:\n drop_params: true`\n";
    }
}
