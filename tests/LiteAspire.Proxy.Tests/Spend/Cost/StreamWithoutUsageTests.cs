using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Tests.Endpoints;

namespace LiteAspire.Proxy.Tests.Spend.Cost;

/// <summary>An upstream stream that ends without usage: the proxy counts the tokens with tiktoken, as LiteLLM does.</summary>
[Collection(CostProxy.Name)]
public sealed class StreamWithoutUsageTests(CostFixture fixture)
{
    [Fact]
    public async Task Stream_UpstreamSendsNoUsage_CountedUsageChunkAndCost()
    {
        fixture.Charged.TryRemove("cost-openai", out _);
        var body = GatewayClientExtensions.Chat("cost-openai", "hello world [fake-usage none]", stream: true);
        body["stream_options"] = new JsonObject { ["include_usage"] = true };

        using var response = await fixture.Client.PostJsonAsync("/v1/chat/completions", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = await response.ReadSseDataAsync();
        var usage = JsonNode.Parse(data[^2])!["usage"]!;
        // o200k_base (gpt-4o-mini): "hello world [fake-usage none]" is 8 tokens, + "user" 1 + 3 framing + 3 priming;
        // the fake's answer "This is a fake response to: hello world [fake-usage none]" (its 40-character echo) is 15.
        Assert.Equal(15, usage["prompt_tokens"]!.GetValue<long>());
        Assert.Equal(15, usage["completion_tokens"]!.GetValue<long>());
        // gpt-4o-mini: input 0.15/M, output 0.60/M.
        Assert.Equal((15 * 0.15e-6m) + (15 * 0.6e-6m), fixture.Charged["cost-openai"]);
    }
}
