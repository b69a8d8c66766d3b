using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Tests.Endpoints;

namespace LiteAspire.Proxy.Tests.Management.Models;

/// <summary>Models added through <c>/model/new</c> are priced like config ones. The fake upstream answers 10 prompt + 3 completion tokens.</summary>
[Collection(ManagementTests.Name)]
public sealed class StoredModelCostTests(ManagementFixture fixture)
{
    [Fact]
    public async Task NewModel_CustomPrices_Priced()
    {
        var name = await AddAsync(new { input_cost_per_token = 0.001, output_cost_per_token = 0.002 }, new { mode = "chat" });

        Assert.Equal((10 * 0.001m) + (3 * 0.002m), await CostAsync(name));
    }

    [Fact]
    public async Task NewModel_BaseModel_TablePrices()
    {
        var name = await AddAsync(new { }, new { base_model = "gpt-4o" });

        // gpt-4o: input 2.50/M, output 10/M.
        Assert.Equal((10 * 2.5e-6m) + (3 * 10e-6m), await CostAsync(name));
    }

    private async Task<string> AddAsync(object prices, object modelInfo)
    {
        var name = ManagementFixture.NewId("priced");
        var parameters = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(prices))!.AsObject();
        parameters["model"] = $"openai/{name}-upstream";
        parameters["api_base"] = fixture.Upstream.BaseUri + "v1";
        await fixture.AdminPostAsync("/model/new", new JsonObject
        {
            ["model_name"] = name,
            ["litellm_params"] = parameters,
            ["model_info"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(modelInfo)),
        });
        return name;
    }

    private async Task<decimal> CostAsync(string model)
    {
        using var client = fixture.Client(ManagementFixture.MasterKey);
        using var response = await client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat(model));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return decimal.Parse(response.Header("x-litellm-response-cost")!, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
