using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Tests.Routing;

/// <summary>Each routing strategy's choice, checked over many decisions.</summary>
public sealed class StrategyTests
{
    private const int Draws = 100_000;

    private static string Group(string strategy, params string[] deployments) =>
        $"router_settings:\n  routing_strategy: {strategy}\nmodel_list:\n"
        + string.Concat(deployments.Select((d, i) => $"  - model_name: g\n    litellm_params: {{ model: openai/gpt-4o-mini{d} }}\n    model_info: {{ id: d{i} }}\n"));

    [Theory]
    [InlineData(", weight: 1", ", weight: 3", 0.25)]
    [InlineData(", rpm: 100", ", rpm: 900", 0.10)]
    [InlineData(", tpm: 50000", ", tpm: 150000", 0.25)]
    // weight wins over rpm, which wins over tpm.
    [InlineData(", weight: 1, rpm: 900000", ", weight: 4, rpm: 1", 0.20)]
    [InlineData(", rpm: 300000, tpm: 1", ", rpm: 100000, tpm: 1000000", 0.75)]
    [InlineData("", "", 0.5)]
    public void SimpleShuffle_SplitsByWeightThenRpmThenTpm_Within5Percent(string first, string second, double firstShare)
    {
        var parts = new RouterParts(Group("simple-shuffle", first, second));

        var counts = parts.Count("g", Draws);

        RouterParts.AssertShare(counts.GetValueOrDefault("d0"), Draws, firstShare);
    }

    [Fact]
    public void SimpleShuffle_ThreeWeights_Within5Percent()
    {
        var parts = new RouterParts(Group("simple-shuffle", ", weight: 2", ", weight: 3", ", weight: 5"));

        var counts = parts.Count("g", Draws);

        RouterParts.AssertShare(counts["d0"], Draws, 0.2);
        RouterParts.AssertShare(counts["d1"], Draws, 0.3);
        RouterParts.AssertShare(counts["d2"], Draws, 0.5);
    }

    [Fact]
    public void Order_LowestTierOnly_UntilItFails()
    {
        var parts = new RouterParts(Group("simple-shuffle", ", order: 2, weight: 100", ", order: 1", ", order: 1"));
        var route = parts.Router.Find("g");

        var counts = parts.Count("g", Draws);
        var afterBothFailed = parts.Picker.Pick(route, new HashSet<string> { "d1", "d2" }, new RouteRequest());

        Assert.False(counts.ContainsKey("d0"));
        RouterParts.AssertShare(counts["d1"], Draws, 0.5);
        Assert.Equal("d0", afterBothFailed.Id);
    }

    [Fact]
    public void LeastBusy_PicksTheFewestInFlight_TiesSplitEvenly()
    {
        var parts = new RouterParts(Group("least-busy", "", "", ""));
        var minute = parts.States.Minute;
        parts.States.For("d0").Started(minute);
        parts.States.For("d0").Started(minute);
        parts.States.For("d1").Started(minute);

        var counts = parts.Count("g", Draws);
        Assert.Equal(Draws, counts["d2"]);

        parts.States.For("d2").Started(minute);
        var tied = parts.Count("g", Draws);
        Assert.False(tied.ContainsKey("d0"));
        RouterParts.AssertShare(tied["d1"], Draws, 0.5);
    }

    [Fact]
    public void LeastBusy_CountsEachPickUntilItEnds_SoLoadSpreads()
    {
        var parts = new RouterParts(Group("least-busy", "", "", "", ""));

        // Picks that are never ended: each new one must go to a deployment with the fewest in flight.
        var counts = parts.Count("g", 400, afterPick: entry => parts.States.For(entry.Id).Started(parts.States.Minute));

        Assert.All(counts.Values, n => Assert.Equal(100, n));
    }

    [Fact]
    public void LatencyBased_PicksTheFastest_StreamsByTimeToFirstToken_BufferSpreads()
    {
        var parts = new RouterParts(Group("latency-based-routing", "", ""));
        var now = parts.States.NowMs;
        var minute = parts.States.Minute;
        for (var i = 0; i < 5; i++)
        {
            parts.States.For("d0").Succeeded(minute, 100, stream: false, now);
            parts.States.For("d1").Succeeded(minute, 300, stream: false, now);
            parts.States.For("d0").Succeeded(minute, 900, stream: true, now);
            parts.States.For("d1").Succeeded(minute, 200, stream: true, now);
        }

        Assert.Equal(Draws, parts.Count("g", Draws)["d0"]);
        Assert.Equal(Draws, parts.Count("g", Draws, stream: true)["d1"]);

        var buffered = new RouterParts(Group("latency-based-routing", "", "").Replace("routing_strategy: latency-based-routing",
            "routing_strategy: latency-based-routing\n  routing_strategy_args: { lowest_latency_buffer: 3 }", StringComparison.Ordinal));
        buffered.States.For("d0").Succeeded(minute, 100, stream: false, now);
        buffered.States.For("d1").Succeeded(minute, 300, stream: false, now);
        RouterParts.AssertShare(buffered.Count("g", Draws)["d0"], Draws, 0.5);
    }

    [Fact]
    public void LatencyBased_SamplesOlderThanTheTtlAreForgotten()
    {
        var parts = new RouterParts(Group("latency-based-routing", "", "").Replace("routing_strategy: latency-based-routing",
            "routing_strategy: latency-based-routing\n  routing_strategy_args: { ttl: 60 }", StringComparison.Ordinal));
        var minute = parts.States.Minute;
        parts.States.For("d0").Succeeded(minute, 5000, stream: false, parts.States.NowMs);
        parts.States.For("d1").Succeeded(minute, 100, stream: false, parts.States.NowMs);
        Assert.Equal(Draws, parts.Count("g", Draws)["d1"]);

        parts.Time.Advance(TimeSpan.FromSeconds(61));
        parts.States.For("d1").Succeeded(parts.States.Minute, 100, stream: false, parts.States.NowMs);

        // d0's slow sample expired: unsampled counts as fastest, so it gets tried again.
        Assert.Equal(Draws, parts.Count("g", Draws)["d0"]);
    }

    [Fact]
    public void UsageBased_PicksTheFewestTokensThisMinute()
    {
        var parts = new RouterParts(Group("usage-based-routing-v2", "", "", ""));
        parts.Usage.AddTokens("d0", 5000);
        parts.Usage.AddTokens("d1", 200);
        parts.Usage.AddTokens("d2", 900);

        Assert.Equal(Draws, parts.Count("g", Draws)["d1"]);

        parts.Time.Advance(TimeSpan.FromMinutes(1));
        parts.Usage.AddTokens("d1", 10);
        // A new minute: the others start again at zero.
        var counts = parts.Count("g", Draws);
        Assert.False(counts.ContainsKey("d1"));
        RouterParts.AssertShare(counts["d0"], Draws, 0.5);
    }

    [Fact]
    public void CostBased_PicksTheCheapest_UnpricedCountsAsExpensive()
    {
        var parts = new RouterParts("""
            router_settings:
              routing_strategy: cost-based-routing
            model_list:
              - model_name: g
                litellm_params: { model: openai/gpt-4o }
                model_info: { id: priced-high }
              - model_name: g
                litellm_params: { model: openai/gpt-4o-mini }
                model_info: { id: priced-low }
              - model_name: g
                litellm_params: { model: openai/some-unpriced-model }
                model_info: { id: unpriced }
              - model_name: h
                litellm_params: { model: openai/some-unpriced-model, input_cost_per_token: 0.00000001, output_cost_per_token: 0.00000001 }
                model_info: { id: custom-cheap }
              - model_name: h
                litellm_params: { model: openai/gpt-4o-mini }
                model_info: { id: table-priced }
            """);

        Assert.Equal(Draws, parts.Count("g", Draws)["priced-low"]);
        Assert.Equal(Draws, parts.Count("h", Draws)["custom-cheap"]);
    }

    [Fact]
    public void UnknownStrategy_IsAClearConfigError()
    {
        var error = Assert.Throws<ProxyConfigException>(() => new RouterParts(Group("fastest-please", "")));

        Assert.Contains("routing_strategy 'fastest-please'", error.Message, StringComparison.Ordinal);
    }
}
