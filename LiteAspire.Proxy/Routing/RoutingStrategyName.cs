using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Routing;

/// <summary>LiteLLM's routing strategies.</summary>
public enum RoutingStrategyName
{
    /// <summary><c>simple-shuffle</c> (the default): weighted random by weight, else rpm, else tpm.</summary>
    SimpleShuffle,

    /// <summary><c>least-busy</c>: fewest calls in flight.</summary>
    LeastBusy,

    /// <summary><c>latency-based-routing</c>: lowest recent latency (time to first token for streams).</summary>
    LatencyBased,

    /// <summary><c>usage-based-routing</c> / <c>usage-based-routing-v2</c>: lowest tokens used this minute.</summary>
    UsageBased,

    /// <summary><c>cost-based-routing</c>: cheapest per token.</summary>
    CostBased,
}

/// <summary>Reads <c>routing_strategy</c>.</summary>
public static class RoutingStrategyNames
{
    /// <summary>The strategy <paramref name="name"/> names; simple-shuffle when null.</summary>
    /// <exception cref="ProxyConfigException">A name LiteLLM does not know.</exception>
    public static RoutingStrategyName Parse(string? name) => name switch
    {
        null or "" or "simple-shuffle" => RoutingStrategyName.SimpleShuffle,
        "least-busy" => RoutingStrategyName.LeastBusy,
        "latency-based-routing" => RoutingStrategyName.LatencyBased,
        "usage-based-routing" or "usage-based-routing-v2" => RoutingStrategyName.UsageBased,
        "cost-based-routing" => RoutingStrategyName.CostBased,
        _ => throw new ProxyConfigException(
            $"router_settings.routing_strategy '{name}' is not one of simple-shuffle, least-busy, latency-based-routing, usage-based-routing, usage-based-routing-v2, cost-based-routing."),
    };
}
