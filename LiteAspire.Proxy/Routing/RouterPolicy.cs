using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// The router's settings, read once from <c>router_settings</c> (which wins) and <c>litellm_settings</c>: strategy,
/// retries, cooldowns, fallbacks and timeouts, with LiteLLM's defaults.
/// </summary>
public sealed class RouterPolicy
{
    /// <summary>LiteLLM's <c>DEFAULT_MAX_RETRIES</c>.</summary>
    public const int DefaultNumRetries = 2;

    /// <summary>LiteLLM's default <c>allowed_fails</c> (failures in a minute before a cooldown).</summary>
    public const int DefaultAllowedFails = 3;

    /// <summary>LiteLLM's default <c>max_fallbacks</c>.</summary>
    public const int DefaultMaxFallbacks = 5;

    /// <summary>LiteLLM's default <c>cooldown_time</c>.</summary>
    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromSeconds(5);

    /// <summary>Reads the policy from <paramref name="config"/>.</summary>
    /// <exception cref="ProxyConfigException">An unknown routing strategy or a malformed fallback list.</exception>
    public RouterPolicy(ProxyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var router = config.RouterSettings;
        var library = config.LiteLLMSettings;
        object? Setting(string name) => router.Extra.GetValueOrDefault(name) ?? library.Extra.GetValueOrDefault(name);

        Strategy = RoutingStrategyNames.Parse(router.RoutingStrategy);
        StrategyArgs = Setting("routing_strategy_args") as IReadOnlyDictionary<string, object?> ?? ConfigValues.EmptyMap;
        NumRetries = (int)Math.Max(0, router.NumRetries ?? library.NumRetries ?? DefaultNumRetries);
        RetryPolicy = RetryPolicy.From(Setting("retry_policy"), "router_settings.retry_policy");
        GroupRetryPolicies = ReadGroupRetryPolicies(Setting("model_group_retry_policy"));
        var allowedFails = router.AllowedFails ?? (long?)ConfigValues.NumberOf(library.Extra.GetValueOrDefault("allowed_fails"));
        AllowedFailsConfigured = allowedFails is not null || Setting("allowed_fails_policy") is not null;
        AllowedFails = (int)Math.Max(0, allowedFails ?? DefaultAllowedFails);
        AllowedFailsPolicy = RetryPolicy.From(Setting("allowed_fails_policy"), "router_settings.allowed_fails_policy", suffix: "AllowedFails");
        var cooldown = router.CooldownTime ?? ConfigValues.NumberOf(library.Extra.GetValueOrDefault("cooldown_time"));
        CooldownTime = cooldown is > 0 ? TimeSpan.FromSeconds(cooldown.Value) : DefaultCooldown;
        DisableCooldowns = Setting("disable_cooldowns") is true;
        RetryAfter = TimeSpan.FromSeconds(Math.Max(0, ConfigValues.NumberOf(Setting("retry_after")) ?? 0));
        Fallbacks = FallbackRules.From(Setting("fallbacks"), "fallbacks");
        ContextWindowFallbacks = FallbackRules.From(Setting("context_window_fallbacks"), "context_window_fallbacks");
        ContentPolicyFallbacks = FallbackRules.From(Setting("content_policy_fallbacks"), "content_policy_fallbacks");
        DefaultFallbacks = FallbackRules.Names(Setting("default_fallbacks"), "default_fallbacks");
        MaxFallbacks = (int)Math.Max(0, ConfigValues.NumberOf(Setting("max_fallbacks")) ?? DefaultMaxFallbacks);
        HasFallbacks = !Fallbacks.IsEmpty || !ContextWindowFallbacks.IsEmpty || !ContentPolicyFallbacks.IsEmpty || DefaultFallbacks.Count > 0;
        EnablePreCallChecks = Setting("enable_pre_call_checks") is true;
        EnableTagFiltering = Setting("enable_tag_filtering") is true;
        TagFilteringMatchAny = Setting("tag_filtering_match_any") is not false;
        var streamTimeout = ConfigValues.NumberOf(Setting("stream_timeout"));
        StreamTimeout = streamTimeout is > 0 ? TimeSpan.FromSeconds(streamTimeout.Value) : null;
    }

    /// <summary><c>routing_strategy</c>.</summary>
    public RoutingStrategyName Strategy { get; }

    /// <summary><c>routing_strategy_args</c> (<c>ttl</c>, <c>lowest_latency_buffer</c>, ...).</summary>
    public IReadOnlyDictionary<string, object?> StrategyArgs { get; }

    /// <summary><c>num_retries</c>: retries after the first attempt.</summary>
    public int NumRetries { get; }

    /// <summary><c>retry_policy</c>: retries per error type, over <see cref="NumRetries"/>.</summary>
    public RetryPolicy RetryPolicy { get; }

    /// <summary><c>model_group_retry_policy</c>: a retry policy per model group.</summary>
    public IReadOnlyDictionary<string, RetryPolicy> GroupRetryPolicies { get; }

    /// <summary><c>allowed_fails</c>: failures in a minute a deployment may have before it cools down.</summary>
    public int AllowedFails { get; }

    /// <summary>True when <c>allowed_fails</c> or <c>allowed_fails_policy</c> is set (single-deployment groups cool down only then).</summary>
    public bool AllowedFailsConfigured { get; }

    /// <summary><c>allowed_fails_policy</c>: allowed failures per error type.</summary>
    public RetryPolicy AllowedFailsPolicy { get; }

    /// <summary><c>cooldown_time</c>.</summary>
    public TimeSpan CooldownTime { get; }

    /// <summary><c>disable_cooldowns</c>.</summary>
    public bool DisableCooldowns { get; }

    /// <summary><c>retry_after</c>: the least wait before a retry on the same deployment.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary><c>fallbacks</c>: for every error not covered by the two lists below.</summary>
    public FallbackRules Fallbacks { get; }

    /// <summary><c>context_window_fallbacks</c>.</summary>
    public FallbackRules ContextWindowFallbacks { get; }

    /// <summary><c>content_policy_fallbacks</c>.</summary>
    public FallbackRules ContentPolicyFallbacks { get; }

    /// <summary><c>default_fallbacks</c>: for groups without an entry in <see cref="Fallbacks"/>.</summary>
    public IReadOnlyList<string> DefaultFallbacks { get; }

    /// <summary>True when any fallback list is configured.</summary>
    public bool HasFallbacks { get; }

    /// <summary><c>max_fallbacks</c>: fallback hops per request.</summary>
    public int MaxFallbacks { get; }

    /// <summary><c>enable_pre_call_checks</c>: drop deployments whose context window the prompt does not fit before calling.</summary>
    public bool EnablePreCallChecks { get; }

    /// <summary><c>enable_tag_filtering</c>: a request's tags choose among the group's deployments by their <c>tags</c>.</summary>
    public bool EnableTagFiltering { get; }

    /// <summary><c>tag_filtering_match_any</c> (default true): one shared tag suffices; false: the deployment must carry every request tag.</summary>
    public bool TagFilteringMatchAny { get; }

    /// <summary><c>stream_timeout</c>, when set.</summary>
    public TimeSpan? StreamTimeout { get; }

    /// <summary>The retry policy for <paramref name="modelGroup"/>: its own, else the router's.</summary>
    public RetryPolicy RetryPolicyFor(string modelGroup) => GroupRetryPolicies.GetValueOrDefault(modelGroup) ?? RetryPolicy;

    /// <summary>The fallback groups for <paramref name="modelGroup"/> after an error of <paramref name="kind"/>.</summary>
    public IReadOnlyList<string> FallbacksFor(string modelGroup, LiteLLMErrorKind kind) => kind switch
    {
        LiteLLMErrorKind.ContextWindowExceededError when ContextWindowFallbacks.For(modelGroup) is { Count: > 0 } list => list,
        LiteLLMErrorKind.ContentPolicyViolationError when ContentPolicyFallbacks.For(modelGroup) is { Count: > 0 } list => list,
        LiteLLMErrorKind.ContextWindowExceededError or LiteLLMErrorKind.ContentPolicyViolationError => [],
        _ => Fallbacks.For(modelGroup) ?? DefaultFallbacks,
    };

    private static Dictionary<string, RetryPolicy> ReadGroupRetryPolicies(object? value)
    {
        var policies = new Dictionary<string, RetryPolicy>(StringComparer.Ordinal);
        if (value is IReadOnlyDictionary<string, object?> map)
        {
            foreach (var (group, policy) in map)
            {
                policies[group] = RetryPolicy.From(policy, $"router_settings.model_group_retry_policy.{group}");
            }
        }

        return policies;
    }
}
