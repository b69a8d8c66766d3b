using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Management.Settings;

/// <summary>
/// LiteLLM's <c>GET /router/settings</c>: <c>{fields, current_values, routing_strategy_descriptions}</c>, the router's settings
/// as it runs them (LiteLLM's defaults where config.yaml is silent), credentials (<c>redis_password</c>, ...) redacted.
/// Read only; proxy admins and admin viewers.
/// </summary>
public static class RouterSettingsEndpoint
{
    /// <summary>The settings of LiteLLM's list that this router acts on (docs/routing.md).</summary>
    public static IReadOnlyList<SettingsField> Fields { get; } =
    [
        new("routing_strategy", "String", "Routing Strategy", "Routing strategy to use for load balancing across deployments", "simple-shuffle",
            ["simple-shuffle", "least-busy", "latency-based-routing", "usage-based-routing", "usage-based-routing-v2", "cost-based-routing"]),
        new("routing_strategy_args", "Dictionary", "Routing Strategy Args", "Arguments to pass to the routing strategy (e.g., ttl, lowest_latency_buffer for latency-based-routing)", new Dictionary<string, object>()),
        new("num_retries", "Integer", "Number of Retries", "Number of retries for failed requests", RouterPolicy.DefaultNumRetries),
        new("timeout", "Float", "Timeout", "Timeout for requests in seconds", 600),
        new("stream_timeout", "Float", "Stream Timeout", "Timeout for streaming requests in seconds (first chunk and each silence between chunks)"),
        new("max_fallbacks", "Integer", "Max Fallbacks", "Maximum number of fallbacks to try before exiting the call", RouterPolicy.DefaultMaxFallbacks),
        new("fallbacks", "List", "Fallbacks", "List of fallback model mappings", Array.Empty<object>()),
        new("context_window_fallbacks", "List", "Context Window Fallbacks", "List of fallback models for context window errors", Array.Empty<object>()),
        new("content_policy_fallbacks", "List", "Content Policy Fallbacks", "List of fallback models for content policy errors", Array.Empty<object>()),
        new("default_fallbacks", "List", "Default Fallbacks", "Fallback models for groups without their own entry", Array.Empty<object>()),
        new("allowed_fails", "Integer", "Allowed Fails", "Number of times a deployment can fail before being added to cooldown", RouterPolicy.DefaultAllowedFails),
        new("allowed_fails_policy", "Dictionary", "Allowed Fails Policy", "Allowed failures per exception type before a cooldown"),
        new("cooldown_time", "Float", "Cooldown Time", "Time in seconds to cooldown a deployment after failure", RouterPolicy.DefaultCooldown.TotalSeconds),
        new("disable_cooldowns", "Boolean", "Disable Cooldowns", "Disable cooldown mechanism for failed deployments", false),
        new("retry_after", "Integer", "Retry After", "Minimum time to wait before retrying a failed request in seconds", 0),
        new("retry_policy", "Dictionary", "Retry Policy", "Custom retry policy for different exception types"),
        new("model_group_retry_policy", "Dictionary", "Model Group Retry Policy", "A retry policy per model group"),
        new("model_group_alias", "Dictionary", "Model Group Alias", "Aliases for model groups", new Dictionary<string, object>()),
        new("enable_pre_call_checks", "Boolean", "Enable Pre-call Checks", "Enable pre-call checks before routing requests", false),
        new("enable_tag_filtering", "Boolean", "Enable Tag Filtering", "Enable tag-based routing to route requests based on tags", false),
        new("tag_filtering_match_any", "Boolean", "Tag Filtering Match Any", "Match any tag instead of all tags for tag-based routing", true),
    ];

    /// <summary>LiteLLM's <c>ROUTING_STRATEGY_DESCRIPTIONS</c>.</summary>
    public static IReadOnlyDictionary<string, string> StrategyDescriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["simple-shuffle"] = "Randomly picks a deployment from the list. Simple and fast.",
        ["least-busy"] = "Routes to the deployment with the lowest number of ongoing requests.",
        ["latency-based-routing"] = "Routes to the deployment with the lowest latency over a sliding window.",
        ["cost-based-routing"] = "Routes to the deployment with the lowest cost per token.",
        ["usage-based-routing"] = "Routes to the deployment with the lowest TPM (Tokens Per Minute) usage. (deprecated)",
        ["usage-based-routing-v2"] = "Improved version of usage-based routing with better tracking.",
    };

    /// <summary>Handles the request.</summary>
    public static IResult Handle(HttpContext context, ProxyConfig config, RouterPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagementAccess.RequireReadAll(Caller.Of(context), "read the router settings");
        var values = CurrentValues(config, policy);
        var descriptions = new JsonObject();
        foreach (var (name, description) in StrategyDescriptions)
        {
            descriptions[name] = description;
        }

        return JsonBody.Result(new JsonObject
        {
            ["fields"] = SettingsField.ToJson(Fields, values),
            ["current_values"] = values,
            ["routing_strategy_descriptions"] = descriptions,
        });
    }

    /// <summary>
    /// The router's settings: what it runs with for the settings it acts on, then every key of config.yaml's
    /// <c>router_settings</c> as written (LiteLLM's order: config wins), credentials redacted.
    /// </summary>
    public static JsonObject CurrentValues(ProxyConfig config, RouterPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(policy);
        var router = config.RouterSettings;
        var values = new JsonObject
        {
            ["routing_strategy"] = router.RoutingStrategy ?? "simple-shuffle",
            ["routing_strategy_args"] = SettingsSecrets.Masked("routing_strategy_args", policy.StrategyArgs),
            ["num_retries"] = policy.NumRetries,
            ["timeout"] = router.Timeout ?? config.LiteLLMSettings.RequestTimeout,
            ["stream_timeout"] = policy.StreamTimeout?.TotalSeconds,
            ["max_fallbacks"] = policy.MaxFallbacks,
            ["allowed_fails"] = policy.AllowedFails,
            ["cooldown_time"] = policy.CooldownTime.TotalSeconds,
            ["disable_cooldowns"] = policy.DisableCooldowns,
            ["retry_after"] = policy.RetryAfter.TotalSeconds,
            ["enable_pre_call_checks"] = policy.EnablePreCallChecks,
            ["enable_tag_filtering"] = policy.EnableTagFiltering,
            ["tag_filtering_match_any"] = policy.TagFilteringMatchAny,
        };
        if (router.NumRetries is { } retries)
        {
            values["num_retries"] = retries;
        }

        if (router.ModelGroupAlias.Count > 0)
        {
            values["model_group_alias"] = SettingsSecrets.Masked("model_group_alias", router.ModelGroupAlias);
        }

        foreach (var (key, value) in router.Extra)
        {
            values[key] = SettingsSecrets.Masked(key, value);
        }

        return values;
    }
}
