using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Tests.Routing;

/// <summary>What the picker leaves out before the strategy chooses: cooling, limited, too small, unhealthy.</summary>
public sealed class DeploymentPickerTests
{
    private const string TwoDeployments = """
        model_list:
          - model_name: g
            litellm_params: { model: openai/gpt-4o-mini, rpm: 3, weight: 1 }
            model_info: { id: limited, max_input_tokens: 10 }
          - model_name: g
            litellm_params: { model: openai/gpt-4o-mini, max_parallel_requests: 1, tpm: 1000, weight: 1 }
            model_info: { id: parallel, max_input_tokens: 1000 }
        """;

    [Fact]
    public void CoolingDeployment_IsLeftOut_UntilItsCooldownEnds()
    {
        var parts = new RouterParts(TwoDeployments);
        parts.Cooldowns.Start("limited", TimeSpan.FromSeconds(5), "test");

        Assert.False(parts.Count("g", 500).ContainsKey("limited"));

        parts.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(parts.Count("g", 500).ContainsKey("limited"));
    }

    [Fact]
    public void RpmTpmAndParallelLimits_LeaveADeploymentOut_And429WhenNoneIsLeft()
    {
        var parts = new RouterParts(TwoDeployments);
        var route = parts.Router.Find("g");
        var minute = parts.States.Minute;
        for (var i = 0; i < 3; i++)
        {
            parts.States.For("limited").Started(minute);
            parts.States.For("limited").Ended();
        }

        Assert.Equal(500, parts.Count("g", 500)["parallel"]);
        parts.States.For("parallel").Started(minute);

        var error = Assert.Throws<NoDeploymentsAvailableException>(() => parts.Picker.Pick(route, null, new RouteRequest()));
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("2 at their rpm/tpm/parallel limits", error.Message, StringComparison.Ordinal);
        // The rpm window is this minute: retry-after points at the next one.
        Assert.Equal(new KeyValuePair<string, string>("retry-after", "60"), Assert.Single(error.ResponseHeaders));

        parts.States.For("parallel").Ended();
        parts.Usage.AddTokens("parallel", 1000);
        Assert.Throws<NoDeploymentsAvailableException>(() => parts.Picker.Pick(route, null, new RouteRequest()));
    }

    [Fact]
    public void AllCooling_RetryAfterIsTheSoonestReturn()
    {
        var parts = new RouterParts(TwoDeployments);
        parts.Cooldowns.Start("limited", TimeSpan.FromSeconds(30), "test");
        parts.Cooldowns.Start("parallel", TimeSpan.FromSeconds(7), "test");

        var error = Assert.Throws<NoDeploymentsAvailableException>(() => parts.Picker.Pick(parts.Router.Find("g"), null, new RouteRequest()));

        Assert.StartsWith("No deployments available for selected model, Try again in 7 seconds. Passed model=g.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PinnedFallbackToADeploymentId_IgnoresItsCooldown()
    {
        var parts = new RouterParts(TwoDeployments);
        parts.Cooldowns.Start("limited", TimeSpan.FromSeconds(30), "test");

        var pinned = parts.Router.Table.FindDeployment("limited")!;

        Assert.Equal("limited", parts.Picker.Pick(pinned, null, new RouteRequest()).Id);
    }

    [Fact]
    public void PreCallChecks_DropDeploymentsTooSmall_OnlyWhenEnabled()
    {
        var enabled = new RouterParts("router_settings:\n  enable_pre_call_checks: true\n" + TwoDeployments);
        var disabled = new RouterParts(TwoDeployments);
        var counted = 0;
        var request = new RouteRequest { PromptTokens = () => { counted++; return 50; } };

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal("parallel", enabled.Picker.Pick(enabled.Router.Find("g"), null, request).Id);
        }

        Assert.Equal(200, counted);
        var seen = Enumerable.Range(0, 200).Select(_ => disabled.Picker.Pick(disabled.Router.Find("g"), null, request).Id).ToHashSet();
        Assert.Contains("limited", seen);
        Assert.Equal(200, counted);
    }

    [Fact]
    public void PreCallChecks_NothingFits_IsAContextWindowError()
    {
        var parts = new RouterParts("router_settings:\n  enable_pre_call_checks: true\n" + TwoDeployments);

        var error = Assert.Throws<ProviderException>(() =>
            parts.Picker.Pick(parts.Router.Find("g"), null, new RouteRequest { PromptTokens = () => 5000 }));

        Assert.Equal(LiteLLMErrorKind.ContextWindowExceededError, error.Kind);
        Assert.Contains("Max Input Tokens=1000, Got=5000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriceTableContextWindow_UsedWhenModelInfoHasNone()
    {
        var parts = new RouterParts("""
            router_settings:
              enable_pre_call_checks: true
            model_list:
              - model_name: g
                litellm_params: { model: openai/gpt-4o-mini }
            """);

        var error = Assert.Throws<ProviderException>(() => parts.Picker.Pick(parts.Router.Find("g"), null, new RouteRequest { PromptTokens = () => 10_000_000 }));

        Assert.Contains("Max Input Tokens=128000", error.Message, StringComparison.Ordinal);
    }

    private const string Tagged = """
        router_settings:
          enable_tag_filtering: true
        model_list:
          - model_name: g
            litellm_params: { model: openai/free-model, tags: ["free"] }
            model_info: { id: free }
          - model_name: g
            litellm_params: { model: openai/paid-model, tags: ["paid", "eu"] }
            model_info: { id: paid }
          - model_name: g
            litellm_params: { model: openai/default-model, tags: ["default"] }
            model_info: { id: fallback }
        """;

    [Fact]
    public void TagFiltering_TaggedRequestsGoToMatchingDeployments_ElseAndUntaggedToDefault()
    {
        var parts = new RouterParts(Tagged);
        var route = parts.Router.Find("g");
        IEnumerable<string> Picks(params string[] tags) =>
            Enumerable.Range(0, 300).Select(_ => parts.Picker.Pick(route, null, new RouteRequest { Tags = tags }).Id).Distinct().Order();

        Assert.Equal(["free"], Picks("free"));
        Assert.Equal(["paid"], Picks("eu", "unknown"));
        Assert.Equal(["fallback"], Picks());
        Assert.Equal(["fallback"], Picks("nobody-has-this"));
    }

    [Fact]
    public void TagFiltering_MatchAll_AndNoMatchWithoutDefault_IsA400()
    {
        var parts = new RouterParts(Tagged.Replace("enable_tag_filtering: true", "enable_tag_filtering: true\n  tag_filtering_match_any: false", StringComparison.Ordinal)
            .Replace("tags: [\"default\"]", "tags: [\"internal\"]", StringComparison.Ordinal));
        var route = parts.Router.Find("g");

        Assert.Equal("paid", parts.Picker.Pick(route, null, new RouteRequest { Tags = ["paid", "eu"] }).Id);
        var error = Assert.Throws<LiteAspire.Proxy.Errors.GatewayException>(() => parts.Picker.Pick(route, null, new RouteRequest { Tags = ["paid", "us"] }));
        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("Not allowed to access model due to tags configuration. Passed model=g", error.Message, StringComparison.Ordinal);
        // Untagged, with no default deployment: any of them.
        Assert.Equal(3, Enumerable.Range(0, 300).Select(_ => parts.Picker.Pick(route, null, new RouteRequest()).Id).Distinct().Count());
    }
}
