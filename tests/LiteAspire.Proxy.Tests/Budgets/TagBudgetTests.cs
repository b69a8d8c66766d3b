using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.Enforcement;
using LiteAspire.Proxy.Tests.Management;

using Microsoft.EntityFrameworkCore;

using static LiteAspire.Proxy.Tests.Management.Customers.CatalogTestSupport;

namespace LiteAspire.Proxy.Tests.Budgets;

/// <summary>
/// Tag budgets on LLM requests, against real PostgreSQL and Redis: each gpt-4o call costs 0.016 (see <see cref="EnforcementTests"/>).
/// Tags come from the body's <c>metadata.tags</c> and <c>tags</c> and the <c>x-litellm-tags</c> header.
/// </summary>
[Collection(ManagementTests.Name)]
public sealed class TagBudgetTests(ManagementFixture fixture)
{
    private const double CallCost = 0.016;

    private static JsonObject TaggedChat(JsonNode tags, string where = "metadata")
    {
        var body = GatewayClientExtensions.Chat("gpt-4o");
        body[where] = where == "metadata" ? new JsonObject { ["tags"] = tags } : tags;
        return body;
    }

    [Fact]
    public async Task TaggedRequestOverTheTagsBudget_Refused_UntaggedPasses_AndTheDatabaseHasTheTagsSpend()
    {
        var tag = ManagementFixture.NewId("tag");
        await fixture.AdminPostAsync("/tag/new", new { name = tag, max_budget = 0.03 });
        var key = await KeyRows.AddKeyAsync(fixture.Proxy);
        using var client = fixture.Client(key);

        // 0.016, then 0.032 >= 0.03: the third tagged call is refused, whichever place names the tag.
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray("other", tag)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag), "tags"))).StatusCode);
        var error = await (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).AssertOpenAIErrorAsync(400);
        using var headerTagged = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/chat/completions", UriKind.Relative))
        {
            Content = new StringContent(GatewayClientExtensions.Chat("gpt-4o").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        headerTagged.Headers.Add("x-litellm-tags", $"unrelated, {tag}");
        var headerError = await (await client.SendAsync(headerTagged)).AssertOpenAIErrorAsync(400);

        Assert.Equal("budget_exceeded", error["type"]!.GetValue<string>());
        Assert.Equal($"Budget has been exceeded! Tag={tag} Current cost: 0.032, Max budget: 0.03", error["message"]!.GetValue<string>());
        Assert.Equal("budget_exceeded", headerError["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"))).StatusCode);
        Assert.True(await EventuallyAsync(async () =>
            Math.Abs(await ReadDbAsync(fixture, db => db.Tags.Where(t => t.TagName == tag).Select(t => t.Spend).SingleAsync()) - (2 * CallCost)) < 1e-9));
    }

    [Fact]
    public async Task MasterKey_IsHeldToTagBudgetsToo()
    {
        var tag = ManagementFixture.NewId("tag");
        await fixture.AdminPostAsync("/tag/new", new { name = tag, max_budget = 0.01 });

        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).StatusCode);
        var error = await (await fixture.Admin.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).AssertOpenAIErrorAsync(400);

        Assert.Equal("budget_exceeded", error["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task RaisingTheTagsBudget_AdmitsItAgainAtOnce()
    {
        var tag = ManagementFixture.NewId("tag");
        await fixture.AdminPostAsync("/tag/new", new { name = tag, max_budget = 0.01 });
        var key = await KeyRows.AddKeyAsync(fixture.Proxy);
        using var client = fixture.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).StatusCode);
        await (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).AssertOpenAIErrorAsync(400);

        await fixture.AdminPostAsync("/tag/update", new { name = tag, max_budget = 1 });

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).StatusCode);
    }

    [Fact]
    public async Task TagBudgetDurationEnds_BudgetResets_AndTheDatabaseStartsTheTagOver()
    {
        var tag = ManagementFixture.NewId("tag");
        await fixture.AdminPostAsync("/tag/new", new { name = tag, max_budget = 0.01, budget_duration = "3s" });
        var firstPeriodEnd = await ReadDbAsync(fixture, db => db.Tags.Where(t => t.TagName == tag).Select(t => t.Budget!.BudgetResetAt).SingleAsync());
        var key = await KeyRows.AddKeyAsync(fixture.Proxy);
        using var client = fixture.Client(key);

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).StatusCode);
        await (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).AssertOpenAIErrorAsync(400);
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).StatusCode);
        await (await client.PostJsonAsync("/v1/chat/completions", TaggedChat(new JsonArray(tag)))).AssertOpenAIErrorAsync(400);
        // The writer moves the budget's period on and zeroes the tag before adding the new period's call.
        Assert.True(await EventuallyAsync(async () =>
            await ReadDbAsync(fixture, db => db.Tags.Where(t => t.TagName == tag).Select(t => t.Budget!.BudgetResetAt).SingleAsync()) > firstPeriodEnd));
        Assert.Equal(CallCost, await ReadDbAsync(fixture, db => db.Tags.Where(t => t.TagName == tag).Select(t => t.Spend).SingleAsync()), 9);
    }
}
