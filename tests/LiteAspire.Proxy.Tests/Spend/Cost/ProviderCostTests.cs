using System.Globalization;
using System.Net;

using LiteAspire.Proxy.Tests.Endpoints;

namespace LiteAspire.Proxy.Tests.Spend.Cost;

/// <summary>
/// Every chat adapter, streaming and not: the fake upstream reports the usage asked for (<c>[fake-usage ...]</c>) in the
/// provider's own shape, and the call costs what model_prices.json's prices say, worked out here by hand.
/// </summary>
[Collection(CostProxy.Name)]
public sealed class ProviderCostTests(CostFixture fixture)
{
    // Provider → the usage the fake reports, and its cost at the table's (or the deployment's) per-token prices.
    private static readonly Dictionary<string, (string Usage, decimal Cost)> s_cases = new()
    {
        // gpt-4o-mini: input 0.15/M, cache read 0.075/M, output 0.60/M; reasoning at the output price.
        ["openai"] = ("prompt=2000 completion=500 cache_read=1200 reasoning=100", (800 * 0.15e-6m) + (1200 * 0.075e-6m) + (500 * 0.60e-6m)),
        // base_model azure/gpt-4o: input 2.50/M, cache read 1.25/M, output 10/M.
        ["azure"] = ("prompt=2000 completion=500 cache_read=1200 reasoning=100", (800 * 2.5e-6m) + (1200 * 1.25e-6m) + (500 * 10e-6m)),
        // groq/llama-3.3-70b-versatile: input 0.59/M, output 0.79/M.
        ["groq"] = ("prompt=2000 completion=500", (2000 * 0.59e-6m) + (500 * 0.79e-6m)),
        // claude-sonnet-4-5: input 3/M, cache read 0.30/M, cache write 3.75/M, output 15/M (thinking is inside output).
        ["anthropic"] = ("prompt=2000 completion=500 cache_read=1200 cache_creation=300", (500 * 3e-6m) + (1200 * 0.3e-6m) + (300 * 3.75e-6m) + (500 * 15e-6m)),
        // gemini/gemini-2.5-flash: input 0.30/M, cache read 0.03/M, output (thoughts too) 2.50/M.
        ["gemini"] = ("prompt=2000 completion=500 cache_read=1200 reasoning=100", (800 * 0.3e-6m) + (1200 * 0.03e-6m) + (500 * 2.5e-6m)),
        // gemini-2.5-pro on Vertex, a 250k prompt: the whole request at the above-200k prices: input 2.50/M, cache read 0.25/M, output 15/M.
        ["vertex_ai"] = ("prompt=250000 completion=1000 cache_read=50000 reasoning=200", (200000 * 2.5e-6m) + (50000 * 0.25e-6m) + (1000 * 15e-6m)),
        // Bedrock's claude-sonnet-4-5: Anthropic's prices.
        ["bedrock"] = ("prompt=2000 completion=500 cache_read=1200 cache_creation=300", (500 * 3e-6m) + (1200 * 0.3e-6m) + (300 * 3.75e-6m) + (500 * 15e-6m)),
        // command-r-plus: input 2.50/M, output 10/M.
        ["cohere"] = ("prompt=2000 completion=500", (2000 * 2.5e-6m) + (500 * 10e-6m)),
        // ollama_chat/llama3.1 with the deployment's own prices: input 1/M, output 2/M.
        ["ollama"] = ("prompt=2000 completion=500", (2000 * 1e-6m) + (500 * 2e-6m)),
    };

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var provider in s_cases.Keys)
        {
            data.Add(provider, false);
            data.Add(provider, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Chat_ProviderReportsUsage_CostsTheTablePrice(string provider, bool stream)
    {
        var (usage, expected) = s_cases[provider];
        var group = "cost-" + provider;
        fixture.Charged.TryRemove(group, out _);

        using var response = await fixture.Client.PostJsonAsync("/v1/chat/completions",
            GatewayClientExtensions.Chat(group, $"What does this cost? [fake-usage {usage}]", stream));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (stream)
        {
            Assert.Contains("[DONE]", await response.ReadSseDataAsync());
            // The headers left before the usage was known, as LiteLLM's do.
            Assert.Null(response.Header("x-litellm-response-cost"));
        }
        else
        {
            Assert.Equal((double)expected, double.Parse(response.Header("x-litellm-response-cost")!, CultureInfo.InvariantCulture));
        }

        Assert.Equal(expected, fixture.Charged[group]);
    }
}
