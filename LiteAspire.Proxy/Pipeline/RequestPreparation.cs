using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>Turns a client body into what an adapter gets: LiteLLM-only fields removed, deployment defaults merged, <c>model</c> set upstream.</summary>
public static class RequestPreparation
{
    // Fields LiteLLM reads itself and never sends to a provider (reference §2.2).
    private static readonly string[] s_liteLLMOnly =
    [
        "metadata", "litellm_metadata", "fallbacks", "context_window_fallback_dict", "caching", "cache", "num_retries",
        "disable_fallbacks", "tags", "mock_response", "mock_timeout", "mock_testing_fallbacks", "mock_testing_content_policy_fallbacks",
        "mock_testing_context_window_fallbacks", "mock_testing_rate_limit_error", "drop_params", "additional_drop_params",
        "router_settings_override", "guardrails", "litellm_call_id", "allowed_openai_params", "api_key", "api_base", "api_version",
        "timeout", "stream_timeout", "max_retries", "proxy_server_request", "secret_fields", "litellm_logging_obj",
    ];

    // OpenAI parameters a deployment's litellm_params may set as defaults for every call (temperature: 0.2, max_tokens: 512...).
    private static readonly string[] s_defaultable =
    [
        "temperature", "top_p", "n", "stop", "max_tokens", "max_completion_tokens", "presence_penalty", "frequency_penalty",
        "logit_bias", "seed", "response_format", "user", "reasoning_effort", "parallel_tool_calls", "tool_choice", "logprobs",
        "top_logprobs", "service_tier", "verbosity", "dimensions", "encoding_format",
    ];

    /// <summary>drop_params in force: the request's, else the deployment's, else <c>litellm_settings</c>.</summary>
    public static bool DropParams(JsonObject request, ResolvedDeployment deployment, bool global)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        if (request["drop_params"] is { } fromRequest && fromRequest.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return fromRequest.GetValue<bool>();
        }

        return deployment.Params.GetValueOrDefault("drop_params") is bool fromDeployment ? fromDeployment : global;
    }

    /// <summary>Prepares <paramref name="request"/> in place for <paramref name="deployment"/> and returns it.</summary>
    public static JsonObject ForDeployment(JsonObject request, ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        var additionalDrops = request["additional_drop_params"] as JsonArray;
        foreach (var name in s_liteLLMOnly)
        {
            request.Remove(name);
        }

        foreach (var name in s_defaultable)
        {
            if (!request.ContainsKey(name) && deployment.Params.TryGetValue(name, out var value) && value is not null)
            {
                request[name] = JsonSerializer.SerializeToNode(value);
            }
        }

        RemoveListed(request, additionalDrops);
        if (deployment.Params.GetValueOrDefault("additional_drop_params") is IEnumerable<object?> fromDeployment)
        {
            foreach (var name in fromDeployment)
            {
                if (name?.ToString() is { } key)
                {
                    request.Remove(key);
                }
            }
        }

        request["model"] = deployment.UpstreamModel;
        return request;
    }

    /// <summary>For pass-through routes (images, audio, rerank...): LiteLLM-only fields removed and <c>model</c> set upstream, nothing merged.</summary>
    public static JsonObject ForPassthrough(JsonObject request, ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        foreach (var name in s_liteLLMOnly)
        {
            request.Remove(name);
        }

        request["model"] = deployment.UpstreamModel;
        return request;
    }

    private static void RemoveListed(JsonObject request, JsonArray? names)
    {
        if (names is null)
        {
            return;
        }

        foreach (var name in names)
        {
            if (name is JsonValue value && value.TryGetValue<string>(out var key))
            {
                request.Remove(key);
            }
        }
    }
}
