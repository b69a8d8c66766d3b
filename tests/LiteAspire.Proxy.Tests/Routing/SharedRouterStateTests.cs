using System.Net;

using LiteAspire.FakeProvider;
using LiteAspire.Proxy.Routing;
using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Routing;

/// <summary>Replicas sharing one Redis agree on cooldowns and on deployment usage.</summary>
public sealed class SharedRouterStateTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string TwoDeployments = """
        router_settings:
          allowed_fails: 0
          cooldown_time: 60
          num_retries: 1
        model_list:
          - model_name: chat
            litellm_params: { model: openai/gpt-4o-mini, api_base: "$A", api_key: sk-fake }
            model_info: { id: dead-deployment }
          - model_name: chat
            litellm_params: { model: openai/gpt-4o-mini, api_base: "$B", api_key: sk-fake }
            model_info: { id: live-deployment }
        """;

    private Dictionary<string, string?> Settings => new() { ["REDIS_URL"] = redis.Url };

    [Fact]
    public async Task DeadDeployment_CooledDownOnOneReplica_IsSkippedByEveryReplica()
    {
        await using var dead = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 500; });
        await using var live = await FakeProviderApp.StartAsync();
        var config = TwoDeployments.Replace("dead-deployment", "dead-" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        await using var first = RoutedProxy.Start(config, [dead, live], Settings);
        await using var second = RoutedProxy.Start(config, [dead, live], Settings);
        _ = second.Factory.Services.GetRequiredService<Cooldowns>();

        // Through the first replica until it has called the dead deployment (and cooled it down: allowed_fails is 0).
        for (var i = 0; i < 50 && dead.Requests.Total == 0; i++)
        {
            using var response = await first.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", $"first {i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, dead.Requests.Total);
        var deadId = DeadId(first);
        await WaitUntilCoolingAsync(second, deadId);

        for (var i = 0; i < 40; i++)
        {
            using var response = await second.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", $"second {i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("live-deployment", response.Header("x-litellm-model-id"));
            Assert.Equal("0", response.Header("x-litellm-attempted-retries"));
        }

        // A replica started after the cooldown began reads it from Redis.
        await using var third = RoutedProxy.Start(config, [dead, live], Settings);
        _ = third.Factory.Services.GetRequiredService<Cooldowns>();
        await WaitUntilCoolingAsync(third, deadId);
        for (var i = 0; i < 20; i++)
        {
            using var response = await third.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", $"third {i}"));
            Assert.Equal("live-deployment", response.Header("x-litellm-model-id"));
        }

        Assert.Equal(1, dead.Requests.Total);
    }

    [Fact]
    public async Task DeploymentRpm_IsCountedAcrossReplicas()
    {
        await using var upstream = await FakeProviderApp.StartAsync();
        var id = "rpm-" + Guid.NewGuid().ToString("N");
        var config = $$"""
            router_settings:
              routing_strategy: usage-based-routing-v2
            model_list:
              - model_name: chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "$A", api_key: sk-fake, rpm: 10 }
                model_info: { id: {{id}} }
            """;
        await using var first = RoutedProxy.Start(config, [upstream], Settings);
        await using var second = RoutedProxy.Start(config, [upstream], Settings);

        for (var i = 0; i < 10; i++)
        {
            using var response = await first.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", $"r {i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The second replica made no call this minute, yet sees the ten (its counters refresh from Redis a few times a second).
        var usage = second.Factory.Services.GetRequiredService<IDeploymentUsage>();
        _ = second.Factory.Services.GetRequiredService<DeploymentStates>().For(id);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (usage.Current(id).Requests < 10 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        using var refused = await second.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", "one too many"));
        var error = await refused.AssertOpenAIErrorAsync(429);
        Assert.StartsWith("No deployments available", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(10, upstream.Requests.Total);
    }

    private static string DeadId(RoutedProxy proxy) =>
        proxy.Factory.Services.GetRequiredService<ModelRouter>().Table.Deployments.Single(d => d.Id.StartsWith("dead-", StringComparison.Ordinal)).Id;

    private static async Task WaitUntilCoolingAsync(RoutedProxy proxy, string deploymentId)
    {
        var cooldowns = proxy.Factory.Services.GetRequiredService<Cooldowns>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!cooldowns.Active().Any(c => c.DeploymentId == deploymentId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Contains(cooldowns.Active(), c => c.DeploymentId == deploymentId);
    }
}
