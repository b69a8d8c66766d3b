using System.Net;
using System.Text.Json;

using LiteAspire.Proxy.Health;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Health;

public sealed class BackgroundHealthCheckTests : IAsyncLifetime
{
    private HealthTestSetup _setup = null!;

    public async Task InitializeAsync() =>
        _setup = await HealthTestSetup.StartAsync("  background_health_checks: true\n  health_check_interval: 1\n", setup => $$"""
              - model_name: good-chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "{{setup.Good.ApiBase}}", api_key: {{HealthTestProxy.GoodSecret}} }
                model_info: { id: good-chat-id }
              - model_name: flaky-chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "{{setup.Failing.ApiBase}}", api_key: {{HealthTestProxy.BadSecret}} }
                model_info: { id: flaky-chat-id }
              - model_name: quiet-chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "{{setup.Failing.ApiBase}}", api_key: {{HealthTestProxy.BadSecret}} }
                model_info: { id: quiet-chat-id, disable_background_health_check: true }

            """);

    public Task DisposeAsync() => _setup.DisposeAsync().AsTask();

    [Fact]
    public async Task BackgroundChecks_FailingUpstream_MarksItUnhealthy_ThenRecoversWithTheUpstream()
    {
        var board = _setup.Proxy.Services.GetRequiredService<DeploymentHealthBoard>();

        await WaitUntilAsync(() => board.IsUnhealthy("flaky-chat-id"));
        Assert.False(board.IsUnhealthy("good-chat-id"));
        Assert.False(board.IsUnhealthy("quiet-chat-id"));

        _setup.Failing.Server.Options.ErrorRate = 0;

        await WaitUntilAsync(() => !board.IsUnhealthy("flaky-chat-id"));
        Assert.False(board.IsUnhealthy("good-chat-id"));
    }

    [Fact]
    public async Task Health_BackgroundMode_AnswersTheLatestRunWithoutTheOptedOutDeployment()
    {
        var board = _setup.Proxy.Services.GetRequiredService<DeploymentHealthBoard>();
        await WaitUntilAsync(() => board.LatestBackgroundReport.Checks.Count > 0);
        var client = _setup.Proxy.CreateClient();

        using var response = await client.SendAsync(HealthTestProxy.Get("/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        // Called on demand, quiet-chat (on the failing fake) would be listed unhealthy; the background run skips it.
        Assert.Equal(["good-chat-id"], DeploymentHealthEndpointTests.Ids(body.RootElement, "healthy_endpoints"));
        Assert.Equal(["flaky-chat-id"], DeploymentHealthEndpointTests.Ids(body.RootElement, "unhealthy_endpoints"));
        Assert.False(board.LatestChecks.ContainsKey("quiet-chat-id"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the background health check did not get there within 30 s");
            await Task.Delay(100);
        }
    }
}
