using System.Net;

using LiteAspire.FakeProvider;
using LiteAspire.Proxy.Health;
using LiteAspire.Proxy.Tests.Endpoints;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Routing;

/// <summary>A deployment the background health check found unhealthy is left out of routing.</summary>
public sealed class HealthAwareRoutingTests
{
    [Fact]
    public async Task BackgroundCheckMarksADeploymentDown_RequestsGoToTheOther()
    {
        await using var down = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 500; });
        await using var up = await FakeProviderApp.StartAsync();
        await using var proxy = RoutedProxy.Start("""
            general_settings:
              background_health_checks: true
              health_check_interval: 300
            router_settings:
              disable_cooldowns: true
            model_list:
              - model_name: chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "$A", api_key: sk-fake }
                model_info: { id: down-deployment }
              - model_name: chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "$B", api_key: sk-fake }
                model_info: { id: up-deployment }
            """, [down, up]);
        var board = proxy.Factory.Services.GetRequiredService<DeploymentHealthBoard>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!board.IsUnhealthy("down-deployment") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(board.IsUnhealthy("down-deployment"));
        Assert.False(board.IsUnhealthy("up-deployment"));
        var downBefore = down.Requests.Total;
        for (var i = 0; i < 30; i++)
        {
            using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", $"hi {i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("up-deployment", response.Header("x-litellm-model-id"));
            Assert.Equal("0", response.Header("x-litellm-attempted-retries"));
        }

        Assert.Equal(downBefore, down.Requests.Total);
    }
}
