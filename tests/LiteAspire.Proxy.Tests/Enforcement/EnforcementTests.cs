using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.Management;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Tests.Enforcement;

/// <summary>
/// Virtual keys on LLM requests, against real PostgreSQL and Redis: model access, budgets (spend pushes a key over, the
/// period resets it) and rpm limits shared by two proxy replicas. The fake upstream answers 10 prompt + 3 completion
/// tokens; gpt-4o is priced at 0.001 / 0.002 per token in the fixture's config, so each call costs 0.016.
/// </summary>
[Collection(ManagementTests.Name)]
public sealed class EnforcementTests(ManagementFixture fixture)
{
    private const double CallCost = 0.016;

    private async Task<HttpResponseMessage> ChatAsync(string key, string model = "gpt-4o", ProxyFactory? proxy = null)
    {
        using var client = fixture.Client(key, proxy);
        return await client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat(model));
    }

    [Fact]
    public async Task VirtualKey_WorksAndReportsItsCost()
    {
        var key = await KeyRows.AddKeyAsync(fixture.Proxy);

        using var response = await ChatAsync(key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CallCost, double.Parse(response.Header("x-litellm-response-cost")!, System.Globalization.CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public async Task UnknownKey_401InLiteLLMsWords()
    {
        using var response = await ChatAsync("sk-not-a-real-key-0000");

        var error = await response.AssertOpenAIErrorAsync(401);
        Assert.Equal("auth_error", error["type"]!.GetValue<string>());
        Assert.Contains("Unable to find token in cache or LiteLLM_VerificationTokenTable", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockedExpiredOrBlockedTeam_Refused()
    {
        var blocked = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.Blocked = true);
        var expired = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.Expires = DateTime.UtcNow.AddMinutes(-1));
        var team = await KeyRows.AddTeamAsync(fixture.Proxy, t => t.Blocked = true);
        var teamKey = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.TeamId = team);

        Assert.Contains("Key is blocked", (await (await ChatAsync(blocked)).AssertOpenAIErrorAsync(401))["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("expired_key", (await (await ChatAsync(expired)).AssertOpenAIErrorAsync(400))["type"]!.GetValue<string>());
        Assert.Contains($"Team={team} is blocked", (await (await ChatAsync(teamKey)).AssertOpenAIErrorAsync(401))["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyLimitedToOneModel_401ForAnother()
    {
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.Models = ["gpt-4o"]);

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(key)).StatusCode);
        var error = await (await ChatAsync(key, "claude-3-5-sonnet")).AssertOpenAIErrorAsync(401);
        Assert.Equal("key_model_access_denied", error["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/v1/embeddings", "{\"model\": \"gpt-4o-mini\", \"input\": \"hi\"}")]
    [InlineData("/v1/images/generations", "{\"model\": \"gpt-4o-mini\", \"prompt\": \"a cat\"}")]
    [InlineData("/v1/moderations", "{\"model\": \"gpt-4o-mini\", \"input\": \"hi\"}")]
    public async Task EveryLlmRoute_ChecksModelAccess(string path, string body)
    {
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.Models = ["gpt-4o"]);
        using var client = fixture.Client(key);

        var error = await (await client.PostJsonAsync(path, body)).AssertOpenAIErrorAsync(401);

        Assert.Equal("key_model_access_denied", error["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AccessGroup_GrantsItsModels()
    {
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.Models = ["beta-models"]);

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(key, "gpt-4o-mini")).StatusCode);
        await (await ChatAsync(key, "gpt-4o")).AssertOpenAIErrorAsync(401);
    }

    [Fact]
    public async Task SpendPushesKeyOverBudget_NextRequestRefused_AndTheDatabaseHasTheSpend()
    {
        // Two calls fit under 0.03 (0.016, then 0.032 ≥ 0.03 once counted): the third is refused.
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.MaxBudget = 0.03);

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(key)).StatusCode);
        var error = await (await ChatAsync(key)).AssertOpenAIErrorAsync(400);

        Assert.Equal("budget_exceeded", error["type"]!.GetValue<string>());
        Assert.Equal($"Budget has been exceeded! Key={VirtualKeys.Hash(key)} Current cost: 0.032, Max budget: 0.03", error["message"]!.GetValue<string>());
        var token = VirtualKeys.Hash(key);
        var stored = await PollAsync(() => KeyRows.ReadAsync(fixture.Proxy, db => db.VerificationTokens.AsNoTracking().SingleAsync(t => t.Token == token)),
            row => Math.Abs(row.Spend - (2 * CallCost)) < 1e-9);
        Assert.Equal(2 * CallCost, stored.Spend, 9);
    }

    [Fact]
    public async Task SpendOnOneReplica_RefusesTheKeyOnAnother_WithinTheLocalCopysSecond()
    {
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.MaxBudget = 0.03);
        var second = fixture.StartProxy();
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(key, proxy: second)).StatusCode);

        // The second call, on the first replica, takes the key to 0.032: only the first replica has seen it.
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(key)).StatusCode);
        await Task.Delay(LiteAspire.Proxy.Budgets.RedisLiveSpend.LocalCopyTtl + TimeSpan.FromMilliseconds(200));

        var error = await (await ChatAsync(key, proxy: second)).AssertOpenAIErrorAsync(400);
        Assert.Equal("budget_exceeded", error["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task BudgetDurationEnds_BudgetResets()
    {
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k =>
        {
            k.MaxBudget = 0.01;
            k.BudgetDuration = "3s";
            k.BudgetResetAt = DateTime.UtcNow.AddSeconds(3);
        });

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(key)).StatusCode);
        await (await ChatAsync(key)).AssertOpenAIErrorAsync(400);
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(key)).StatusCode);
        await (await ChatAsync(key)).AssertOpenAIErrorAsync(400);
    }

    [Fact]
    public async Task TeamOverBudget_RefusesItsKeys()
    {
        var team = await KeyRows.AddTeamAsync(fixture.Proxy, t => { t.MaxBudget = 1; t.Spend = 1.5; });
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.TeamId = team);

        var error = await (await ChatAsync(key)).AssertOpenAIErrorAsync(400);

        Assert.Equal($"Budget has been exceeded! Team={team} Current cost: 1.5, Max budget: 1", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwoReplicasSharingRedis_TogetherAdmitExactlyTheRpmLimit()
    {
        const int limit = 7;
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.RpmLimit = limit);
        var second = fixture.StartProxy();

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => ChatAsync(key, proxy: i % 2 == 0 ? fixture.Proxy : second)));

        Assert.Equal(limit, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(24 - limit, refused.Count);
        Assert.All(refused, r => Assert.True(int.Parse(r.Header("retry-after")!, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60));
        var message = (await refused[0].AssertOpenAIErrorAsync(429))["message"]!.GetValue<string>();
        Assert.StartsWith($"Rate limit exceeded for api_key: {VirtualKeys.Hash(key)}. Limit type: requests. Current limit: {limit}, Remaining: 0.", message,
            StringComparison.Ordinal);
        var admitted = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        // LiteLLM's per-descriptor headers; the plain x-ratelimit-* ones are the provider's, passed on.
        Assert.All(admitted, r => Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Header("x-ratelimit-api_key-limit-requests")));
        Assert.Equal(Enumerable.Range(0, limit).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(),
            admitted.Select(r => r.Header("x-ratelimit-api_key-remaining-requests")!).ToHashSet());
    }

    [Fact]
    public async Task MasterKey_IsNotLimited()
    {
        using var response = await fixture.Admin.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("claude-3-5-sonnet"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
