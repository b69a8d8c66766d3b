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

    /// <summary>The request's own <c>drop_params</c>, read before <see cref="ForDeployment"/> removes it; null when it has none.</summary>
    public static bool? RequestDropParams(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request["drop_params"] is { } fromRequest && fromRequest.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? fromRequest.GetValue<bool>()
            : null;
    }

    /// <summary>drop_params in force: the request's (<see cref="RequestDropParams"/>), else the deployment's, else <c>litellm_settings</c>.</summary>
    public static bool DropParams(bool? fromRequest, ResolvedDeployment deployment, bool global)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (fromRequest is { } requested)
        {
            return requested;
        }

        return deployment.Params.GetValueOrDefault("drop_params") is bool fromDeployment ? fromDeployment : global;
    }

    /// <summary>
    /// Prepares <paramref name="request"/> in place for <paramref name="deployment"/>, and returns what changed so a retry on
    /// another deployment can start from the client's request again (<see cref="RequestEdits.Undo"/>). The LiteLLM-only
    /// fields stay removed: the router reads them before the first attempt.
    /// </summary>
    public static RequestEdits ForDeployment(JsonObject request, ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        var edits = new RequestEdits(request["model"]);
        var additionalDrops = request["additional_drop_params"] as JsonArray;
        RemoveLiteLLMOnly(request);

        foreach (var name in s_defaultable)
        {
            if (!request.ContainsKey(name) && deployment.Params.TryGetValue(name, out var value) && value is not null)
            {
                request[name] = JsonSerializer.SerializeToNode(value);
                edits.Added(name);
            }
        }

        if (additionalDrops is not null)
        {
            foreach (var name in additionalDrops)
            {
                if (name is JsonValue value && value.TryGetValue<string>(out var key))
                {
                    edits.Remove(request, key);
                }
            }
        }

        if (deployment.Params.GetValueOrDefault("additional_drop_params") is IEnumerable<object?> fromDeployment)
        {
            foreach (var name in fromDeployment)
            {
                if (name?.ToString() is { } key)
                {
                    edits.Remove(request, key);
                }
            }
        }

        request["model"] = deployment.UpstreamModel;
        return edits;
    }

    /// <summary>For pass-through routes (images, audio, rerank...): LiteLLM-only fields removed and <c>model</c> set upstream, nothing merged.</summary>
    public static JsonObject ForPassthrough(JsonObject request, ResolvedDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        RemoveLiteLLMOnly(request);

        request["model"] = deployment.UpstreamModel;
        return request;
    }

    private static void RemoveLiteLLMOnly(JsonObject request)
    {
        foreach (var name in s_liteLLMOnly)
        {
            request.Remove(name);
        }
    }
}

/// <summary>What <see cref="RequestPreparation.ForDeployment"/> changed in a request, to put it back.</summary>
public sealed class RequestEdits(JsonNode? model)
{
    private List<string>? _added;
    private List<KeyValuePair<string, JsonNode?>>? _removed;

    internal void Added(string name) => (_added ??= []).Add(name);

    internal void Remove(JsonObject request, string name)
    {
        if (request.TryGetPropertyValue(name, out var value))
        {
            request.Remove(name);
            (_removed ??= []).Add(new(name, value));
        }
    }

    /// <summary>Puts the client's <c>model</c>, and the fields the deployment dropped, back; removes the defaults it added.</summary>
    public void Undo(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var name in _added ?? [])
        {
            request.Remove(name);
        }

        foreach (var (name, value) in _removed ?? [])
        {
            request[name] = value;
        }

        request["model"] = model;
        _added = null;
        _removed = null;
    }
}
