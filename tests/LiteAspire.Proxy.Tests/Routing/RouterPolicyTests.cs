using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Tests.Routing;

/// <summary>router_settings (and litellm_settings) as the router reads them, and LiteLLM's cooldown and back-off rules.</summary>
public sealed class RouterPolicyTests
{
    private static RouterPolicy Policy(string yaml) => new(ProxyConfigLoader.Parse(yaml + "\nmodel_list: []\n", environment: _ => null));

    private static DeploymentEntry Entry(string yaml = "{ model: openai/x }", string info = "{}") =>
        new DeploymentTable(ProxyConfigLoader.Parse($"model_list:\n  - model_name: g\n    litellm_params: {yaml}\n    model_info: {info}\n", environment: _ => null),
            new DeploymentResolver(new ProviderRegistry(), _ => null)).Deployments[0];

    [Fact]
    public void Defaults_AreLiteLLMs()
    {
        var policy = Policy("router_settings: {}");

        Assert.Equal(RoutingStrategyName.SimpleShuffle, policy.Strategy);
        Assert.Equal(2, policy.NumRetries);
        Assert.Equal(3, policy.AllowedFails);
        Assert.False(policy.AllowedFailsConfigured);
        Assert.Equal(TimeSpan.FromSeconds(5), policy.CooldownTime);
        Assert.Equal(5, policy.MaxFallbacks);
        Assert.Empty(policy.FallbacksFor("g", LiteLLMErrorKind.APIError));
    }

    [Fact]
    public void RouterSettings_WinOverLiteLLMSettings_WhichStillCount()
    {
        var policy = Policy("""
            litellm_settings:
              num_retries: 7
              cooldown_time: 60
              fallbacks: [{"a": ["from-litellm"]}]
            router_settings:
              num_retries: 1
              allowed_fails: 0
            """);

        Assert.Equal(1, policy.NumRetries);
        Assert.Equal(0, policy.AllowedFails);
        Assert.True(policy.AllowedFailsConfigured);
        Assert.Equal(TimeSpan.FromSeconds(60), policy.CooldownTime);
        Assert.Equal(["from-litellm"], policy.FallbacksFor("a", LiteLLMErrorKind.RateLimitError));
    }

    [Fact]
    public void Fallbacks_ByErrorKind_WildcardAndDefault()
    {
        var policy = Policy("""
            router_settings:
              fallbacks: [{"a": ["b", "c"]}, {"*": ["any"]}]
              context_window_fallbacks: [{"a": ["a-long"]}]
              content_policy_fallbacks: [{"a": ["a-lenient"]}]
              default_fallbacks: ["default-model"]
            """);

        Assert.Equal(["b", "c"], policy.FallbacksFor("a", LiteLLMErrorKind.InternalServerError));
        Assert.Equal(["any"], policy.FallbacksFor("other", LiteLLMErrorKind.Timeout));
        Assert.Equal(["a-long"], policy.FallbacksFor("a", LiteLLMErrorKind.ContextWindowExceededError));
        Assert.Equal(["a-lenient"], policy.FallbacksFor("a", LiteLLMErrorKind.ContentPolicyViolationError));
        Assert.Empty(policy.FallbacksFor("other", LiteLLMErrorKind.ContextWindowExceededError));
        Assert.Equal(["default-model"], Policy("router_settings:\n  default_fallbacks: [\"default-model\"]").FallbacksFor("x", LiteLLMErrorKind.APIError));
    }

    [Fact]
    public void RetryPolicy_CountsPerErrorType_AndPerGroup()
    {
        var policy = Policy("""
            router_settings:
              retry_policy: { RateLimitErrorRetries: 5, AuthenticationErrorRetries: 0 }
              model_group_retry_policy: { special: { TimeoutErrorRetries: 9 } }
            """);

        Assert.Equal(5, policy.RetryPolicy.For(LiteLLMErrorKind.RateLimitError));
        Assert.Equal(0, policy.RetryPolicy.For(LiteLLMErrorKind.AuthenticationError));
        Assert.Null(policy.RetryPolicy.For(LiteLLMErrorKind.APIError));
        Assert.Equal(9, policy.RetryPolicyFor("special").For(LiteLLMErrorKind.Timeout));
        Assert.Null(policy.RetryPolicyFor("special").For(LiteLLMErrorKind.RateLimitError));
    }

    [Theory]
    [InlineData("router_settings:\n  retry_policy: { RateLimitRetries: 1 }", "retry_policy.RateLimitRetries is not a known entry")]
    [InlineData("router_settings:\n  retry_policy: { RateLimitErrorRetries: -1 }", "must be a non-negative integer")]
    [InlineData("router_settings:\n  fallbacks: \"gpt-4o\"", "fallbacks must be a list")]
    [InlineData("router_settings:\n  fallbacks: [\"gpt-4o\"]", "fallbacks entries must be mappings")]
    [InlineData("router_settings:\n  allowed_fails_policy: { TimeoutErrorRetries: 1 }", "allowed_fails_policy.TimeoutErrorRetries is not a known entry")]
    public void MalformedSettings_AreClearConfigErrors(string yaml, string message)
    {
        var error = Assert.Throws<ProxyConfigException>(() => Policy(yaml));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LiteLLMErrorKind.RateLimitError, 1, 1, 1, true)]
    [InlineData(LiteLLMErrorKind.AuthenticationError, 1, 1, 1, true)]
    [InlineData(LiteLLMErrorKind.NotFoundError, 1, 1, 1, true)]
    [InlineData(LiteLLMErrorKind.Timeout, 1, 1, 1, true)]
    [InlineData(LiteLLMErrorKind.BadRequestError, 50, 50, 50, false)]
    [InlineData(LiteLLMErrorKind.ContextWindowExceededError, 50, 50, 50, false)]
    // Server errors: the first call of a minute is ignored; then more than half failing, or more than allowed_fails (3).
    [InlineData(LiteLLMErrorKind.InternalServerError, 1, 1, 1, false)]
    [InlineData(LiteLLMErrorKind.InternalServerError, 2, 2, 3, true)]
    [InlineData(LiteLLMErrorKind.InternalServerError, 2, 2, 4, false)]
    [InlineData(LiteLLMErrorKind.APIConnectionError, 4, 4, 100, true)]
    public void CooldownRule_AsLiteLLMDecides(LiteLLMErrorKind kind, int failures, int ofType, int calls, bool cools)
    {
        var policy = Policy("router_settings: {}");
        var error = new ProviderException(kind, "openai", "x");

        Assert.Equal(cools, CooldownRule.ShouldCoolDown(policy, Entry(), groupSize: 2, error, (failures, ofType, calls)));
    }

    [Fact]
    public void CooldownRule_SingleDeploymentGroup_OnlyWithAllowedFailsConfigured_AndNotWhenDisabled()
    {
        var error = new ProviderException(LiteLLMErrorKind.RateLimitError, "openai", "x");

        Assert.False(CooldownRule.ShouldCoolDown(Policy("router_settings: {}"), Entry(), 1, error, (1, 1, 1)));
        Assert.True(CooldownRule.ShouldCoolDown(Policy("router_settings:\n  allowed_fails: 0"), Entry(), 1, error, (1, 1, 1)));
        Assert.True(CooldownRule.ShouldCoolDown(Policy("router_settings: {}"), Entry(info: "{ allowed_fails: 1 }"), 1, error, (1, 1, 1)));
        Assert.False(CooldownRule.ShouldCoolDown(Policy("router_settings:\n  disable_cooldowns: true"), Entry(), 2, error, (9, 9, 9)));
    }

    [Fact]
    public void CooldownRule_AllowedFailsPolicy_CountsTheErrorsType()
    {
        var policy = Policy("router_settings:\n  allowed_fails_policy: { RateLimitErrorAllowedFails: 10 }");
        var error = new ProviderException(LiteLLMErrorKind.RateLimitError, "openai", "x");

        Assert.False(CooldownRule.ShouldCoolDown(policy, Entry(), 2, error, (10, 10, 10)));
        Assert.True(CooldownRule.ShouldCoolDown(policy, Entry(), 2, error, (11, 11, 11)));
    }

    [Fact]
    public void CooldownDuration_ProviderRetryAfterOn429_ElseDeployment_ElseRouter()
    {
        var policy = Policy("router_settings:\n  cooldown_time: 30");
        var limited = new ProviderException(LiteLLMErrorKind.RateLimitError, "openai", "x") { RetryAfter = TimeSpan.FromSeconds(7) };
        var broken = new ProviderException(LiteLLMErrorKind.APIError, "openai", "x") { RetryAfter = TimeSpan.FromSeconds(7) };

        Assert.Equal(TimeSpan.FromSeconds(7), CooldownRule.DurationOf(policy, Entry(), limited));
        Assert.Equal(TimeSpan.FromSeconds(30), CooldownRule.DurationOf(policy, Entry(), broken));
        Assert.Equal(TimeSpan.FromSeconds(12), CooldownRule.DurationOf(policy, Entry("{ model: openai/x, cooldown_time: 12 }"), broken));
    }

    [Fact]
    public void RetryDelay_HonoursRetryAfter_ElseExponentialWithJitter_CappedAt8s()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), RetryDelay.Before(0, TimeSpan.FromSeconds(3), TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelay.Before(0, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)));
        for (var i = 0; i < 100; i++)
        {
            Assert.InRange(RetryDelay.Before(0, null, TimeSpan.Zero).TotalSeconds, 0.375, 0.5);
            Assert.InRange(RetryDelay.Before(2, TimeSpan.FromSeconds(120), TimeSpan.Zero).TotalSeconds, 1.5, 2.0);
            Assert.InRange(RetryDelay.Before(10, null, TimeSpan.Zero).TotalSeconds, 6.0, 8.0);
        }
    }
}
