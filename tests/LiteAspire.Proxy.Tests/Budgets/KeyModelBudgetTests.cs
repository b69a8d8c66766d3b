using System.Net;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.Management;

using static LiteAspire.Proxy.Tests.Management.Customers.CatalogTestSupport;

namespace LiteAspire.Proxy.Tests.Budgets;

/// <summary>A key's <c>model_max_budget</c> (LiteLLM's budget_limit/time_period, or max_budget/budget_duration) on LLM requests. gpt-4o costs 0.016 a call.</summary>
[Collection(ManagementTests.Name)]
public sealed class KeyModelBudgetTests(ManagementFixture fixture)
{
    [Theory]
    [InlineData("budget_limit", "time_period")]
    [InlineData("max_budget", "budget_duration")]
    public async Task KeyOverItsBudgetForOneModel_RefusedForThatModelOnly(string amount, string period)
    {
        var generated = await fixture.AdminPostAsync("/key/generate", new Dictionary<string, object>
        {
            ["model_max_budget"] = new Dictionary<string, object> { ["gpt-4o"] = new Dictionary<string, object> { [amount] = 0.02, [period] = "1d" } },
        });
        var key = generated["key"]!.GetValue<string>();
        using var client = fixture.Client(key);

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"))).StatusCode);
        var error = await (await client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"))).AssertOpenAIErrorAsync(400);

        Assert.Equal("budget_exceeded", error["type"]!.GetValue<string>());
        Assert.Equal($"LiteLLM Virtual Key: {VirtualKeys.Hash(key)}, key_alias: None, exceeded budget for model=gpt-4o", error["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o-mini"))).StatusCode);
    }

    [Theory]
    [InlineData("""{"model_max_budget": {"gpt-4o": {"budget_limit": -1, "time_period": "1d"}}}""", "model_max_budget.gpt-4o.budget_limit")]
    [InlineData("""{"model_max_budget": {"gpt-4o": {"budget_limit": 1, "time_period": "often"}}}""", "model_max_budget.gpt-4o.time_period")]
    [InlineData("""{"model_max_budget": {"gpt-4o": {"budget_limit": 1}}}""", "model_max_budget.gpt-4o")]
    [InlineData("""{"model_max_budget": {"gpt-4o": 1}}""", "model_max_budget.gpt-4o")]
    public async Task Generate_BadModelMaxBudget_400NamingTheField(string body, string param)
    {
        var (status, answer) = await PostAsync(fixture.Admin, "/key/generate", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(param, answer!["error"]!["param"]!.GetValue<string>());
    }
}
