using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider;
using LiteAspire.Proxy.Tests.Endpoints;

namespace LiteAspire.Proxy.Tests.Routing;

/// <summary>Retries, fallbacks, timeouts and cooldowns against fake upstreams with injected faults, through the real proxy.</summary>
public sealed class RetryAndFallbackTests
{
    private static string Deployment(string group, string fake, string extra = "") =>
        $"  - model_name: {group}\n    litellm_params: {{ model: openai/gpt-4o-mini, api_base: \"{fake}\", api_key: sk-fake{extra} }}\n";

    [Fact]
    public async Task OneOfTwoDeploymentsFailingHalfTheTime_AlmostEveryRequestSucceeds()
    {
        await using var healthy = await FakeProviderApp.StartAsync();
        await using var flaky = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 0.5; o.ErrorStatus = 500; });
        await using var proxy = RoutedProxy.Start("model_list:\n" + Deployment("chat", "$A") + Deployment("chat", "$B"), [healthy, flaky]);

        var succeeded = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", $"request {i}"));
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref succeeded);
            }
        });

        Assert.True(succeeded >= 1998, $"{succeeded} of 2000 succeeded; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        // The flaky deployment did fail (and was retried or cooled down): the test is not passing on a healthy pair.
        Assert.True(flaky.Requests.Total > 0 && healthy.Requests.Total > 1000, $"healthy {healthy.Requests.Total}, flaky {flaky.Requests.Total}");
    }

    [Fact]
    public async Task FailedDeployment_RetriedAtOnceOnTheNextOrder_WithTheRetryHeaders()
    {
        await using var dead = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 503; });
        await using var backup = await FakeProviderApp.StartAsync();
        await using var proxy = RoutedProxy.Start(
            "router_settings:\n  num_retries: 2\n  disable_cooldowns: true\nmodel_list:\n" + Deployment("chat", "$A", ", order: 1") + Deployment("chat", "$B", ", order: 2"),
            [dead, backup]);

        var started = DateTime.UtcNow;
        using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", response.Header("x-litellm-attempted-retries"));
        Assert.Equal("2", response.Header("x-litellm-max-retries"));
        Assert.Equal("600.0", response.Header("x-litellm-timeout"));
        Assert.Equal(1, dead.Requests.Total);
        Assert.Equal(1, backup.Requests.Total);
        // Another healthy deployment was there: no back-off.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(0.45), $"took {DateTime.UtcNow - started}");
    }

    [Fact]
    public async Task SingleDeploymentServerErrors_RetriedWithBackoff_ThenTheErrorWithItsCounts()
    {
        await using var dead = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 500; });
        await using var proxy = RoutedProxy.Start("router_settings:\n  num_retries: 2\nmodel_list:\n" + Deployment("chat", "$A"), [dead]);

        var started = DateTime.UtcNow;
        using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat"));

        await response.AssertOpenAIErrorAsync(500);
        Assert.Equal(3, dead.Requests.Total);
        Assert.Equal("2", response.Header("x-litellm-attempted-retries"));
        // 0.5 s then 1 s, each with up to 25 % jitter off.
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.1), $"took {DateTime.UtcNow - started}");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    public async Task CallerErrorsAndNotFound_NeverRetriedOnTheSameDeployment(int status)
    {
        await using var failing = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = status; });
        await using var proxy = RoutedProxy.Start("router_settings:\n  num_retries: 3\nmodel_list:\n" + Deployment("chat", "$A"), [failing]);

        using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat"));

        await response.AssertOpenAIErrorAsync(status);
        Assert.Equal(1, failing.Requests.Total);
        Assert.Equal("0", response.Header("x-litellm-attempted-retries"));
    }

    [Fact]
    public async Task AuthenticationError_RetriedOnlyOnAnotherDeployment()
    {
        await using var wrongKey = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 401; });
        await using var proxy = RoutedProxy.Start("router_settings:\n  num_retries: 3\nmodel_list:\n" + Deployment("chat", "$A"), [wrongKey]);

        using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat"));

        await response.AssertOpenAIErrorAsync(401);
        Assert.Equal(1, wrongKey.Requests.Total);
    }

    [Fact]
    public async Task ContextWindowError_FallsBackToTheLargerModel()
    {
        await using var small = await FakeProviderApp.StartAsync(configure: o => o.ContextWindowTokens = 20);
        await using var large = await FakeProviderApp.StartAsync();
        await using var proxy = RoutedProxy.Start("""
            router_settings:
              context_window_fallbacks: [{"small": ["large"]}]
            model_list:

            """ + Deployment("small", "$A") + Deployment("large", "$B"), [small, large]);

        using var shortPrompt = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("small", "hi"));
        using var longPrompt = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("small", string.Join(' ', Enumerable.Repeat("word", 200))));

        Assert.Equal(HttpStatusCode.OK, shortPrompt.StatusCode);
        Assert.Equal("small", shortPrompt.Header("x-litellm-model-group"));
        Assert.Equal(HttpStatusCode.OK, longPrompt.StatusCode);
        Assert.Equal("large", longPrompt.Header("x-litellm-model-group"));
        Assert.Equal("1", longPrompt.Header("x-litellm-attempted-fallbacks"));
        Assert.Equal("5", longPrompt.Header("x-litellm-max-fallbacks"));
        // The context-window error went straight to the fallback: the small model was asked once per prompt.
        Assert.Equal(2, small.Requests.Total);
        Assert.Equal(1, large.Requests.Total);
    }

    [Fact]
    public async Task PreCallChecks_SkipTheSmallDeploymentWithoutCallingIt()
    {
        await using var small = await FakeProviderApp.StartAsync(configure: o => o.ContextWindowTokens = 20);
        await using var large = await FakeProviderApp.StartAsync();
        await using var proxy = RoutedProxy.Start(
            "router_settings:\n  enable_pre_call_checks: true\nmodel_list:\n" + Deployment("chat", "$A", " }\n    model_info: { max_input_tokens: 20").Replace(" } }", " }", StringComparison.Ordinal)
            + Deployment("chat", "$B", " }\n    model_info: { max_input_tokens: 100000").Replace(" } }", " }", StringComparison.Ordinal),
            [small, large]);

        for (var i = 0; i < 20; i++)
        {
            using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", string.Join(' ', Enumerable.Repeat("word", 200))));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, small.Requests.Total);
        Assert.Equal(20, large.Requests.Total);
    }

    [Fact]
    public async Task PreCallChecks_NoDeploymentFits_ContextWindowExceeded()
    {
        await using var small = await FakeProviderApp.StartAsync();
        await using var proxy = RoutedProxy.Start(
            "router_settings:\n  enable_pre_call_checks: true\nmodel_list:\n" + Deployment("chat", "$A", " }\n    model_info: { max_input_tokens: 20").Replace(" } }", " }", StringComparison.Ordinal),
            [small]);

        using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", string.Join(' ', Enumerable.Repeat("word", 200))));

        var error = await response.AssertOpenAIErrorAsync(400);
        Assert.Contains("ContextWindowExceededError", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Max Input Tokens=20", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, small.Requests.Total);
    }

    [Fact]
    public async Task GenericFallbacks_AfterTheGroupsRetries_AndMockTestingFallbacks()
    {
        await using var down = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 503; });
        await using var up = await FakeProviderApp.StartAsync();
        await using var proxy = RoutedProxy.Start("""
            router_settings:
              num_retries: 1
              retry_after: 0
              fallbacks: [{"primary": ["missing-group", "secondary"]}]
            model_list:

            """ + Deployment("primary", "$A") + Deployment("secondary", "$B"), [down, up]);

        using var real = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("primary"));
        var mockBody = GatewayClientExtensions.Chat("primary");
        mockBody["mock_testing_fallbacks"] = true;
        using var mocked = await proxy.Client.PostJsonAsync("/v1/chat/completions", mockBody);

        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal("secondary", real.Header("x-litellm-model-group"));
        Assert.Equal("1", real.Header("x-litellm-attempted-retries"));
        Assert.Equal(2, down.Requests.Total);
        Assert.Equal(HttpStatusCode.OK, mocked.StatusCode);
        Assert.Equal("secondary", mocked.Header("x-litellm-model-group"));
        Assert.Equal(2, down.Requests.Total);
    }

    [Fact]
    public async Task RequestFallbacks_AndDisableFallbacks()
    {
        await using var down = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 429; });
        await using var up = await FakeProviderApp.StartAsync();
        await using var proxy = RoutedProxy.Start(
            "router_settings:\n  num_retries: 0\nmodel_list:\n" + Deployment("primary", "$A") + Deployment("other", "$B"), [down, up]);

        var withFallback = GatewayClientExtensions.Chat("primary");
        withFallback["fallbacks"] = new JsonArray("other");
        using var rescued = await proxy.Client.PostJsonAsync("/v1/chat/completions", withFallback);
        var disabled = GatewayClientExtensions.Chat("primary");
        disabled["fallbacks"] = new JsonArray("other");
        disabled["disable_fallbacks"] = true;
        using var refused = await proxy.Client.PostJsonAsync("/v1/chat/completions", disabled);

        Assert.Equal(HttpStatusCode.OK, rescued.StatusCode);
        Assert.Equal("other", rescued.Header("x-litellm-model-group"));
        await refused.AssertOpenAIErrorAsync(429);
    }

    [Fact]
    public async Task RequestFallback_WithItsOwnMessages_SendsThose()
    {
        await using var down = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 503; });
        await using var up = await FakeProviderApp.StartAsync();
        await using var proxy = RoutedProxy.Start(
            "router_settings:\n  num_retries: 0\nmodel_list:\n" + Deployment("primary", "$A") + Deployment("other", "$B"), [down, up]);
        var body = GatewayClientExtensions.Chat("primary", "the original question");
        body["fallbacks"] = new JsonArray(new JsonObject
        {
            ["model"] = "other",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "the shorter question" }),
        });

        using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var content = (await response.ReadObjectAsync())["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        Assert.Contains("the shorter question", content, StringComparison.Ordinal);
        Assert.DoesNotContain("original", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagFiltering_RequestTagsFromBodyOrHeader_ChooseTheDeployment()
    {
        await using var free = await FakeProviderApp.StartAsync();
        await using var paid = await FakeProviderApp.StartAsync();
        await using var proxy = RoutedProxy.Start("router_settings:\n  enable_tag_filtering: true\nmodel_list:\n"
            + Deployment("chat", "$A", ", tags: [\"free\", \"default\"]") + Deployment("chat", "$B", ", tags: [\"paid\"]"), [free, paid]);

        for (var i = 0; i < 10; i++)
        {
            var byBody = GatewayClientExtensions.Chat("chat", $"body {i}");
            byBody["tags"] = new JsonArray("paid");
            using var tagged = await proxy.Client.PostJsonAsync("/v1/chat/completions", byBody);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
            {
                Content = new StringContent(GatewayClientExtensions.Chat("chat", $"header {i}").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-litellm-tags", "paid");
            using var byHeader = await proxy.Client.SendAsync(request);
            using var untagged = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", $"none {i}"));
            Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
            Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
            Assert.Equal(HttpStatusCode.OK, untagged.StatusCode);
        }

        Assert.Equal(20, paid.Requests.Total);
        Assert.Equal(10, free.Requests.Total);
    }

    [Fact]
    public async Task EveryDeploymentCoolingDown_429NoDeploymentsAvailable_WithRetryAfter()
    {
        await using var a = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 429; });
        await using var b = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 429; });
        await using var proxy = RoutedProxy.Start(
            "router_settings:\n  num_retries: 1\n  cooldown_time: 30\nmodel_list:\n" + Deployment("chat", "$A") + Deployment("chat", "$B"), [a, b]);

        using var first = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat"));
        using var second = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat"));

        await first.AssertOpenAIErrorAsync(429);
        Assert.Equal(1, a.Requests.Total);
        Assert.Equal(1, b.Requests.Total);
        var error = await second.AssertOpenAIErrorAsync(429);
        Assert.StartsWith("No deployments available for selected model", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        // The fake's 429 asked for retry-after: 1, which sets the cooldown (LiteLLM honours the provider's Retry-After).
        Assert.Equal("1", second.Header("retry-after"));
        Assert.Equal(2, a.Requests.Total + b.Requests.Total);
    }

    [Fact]
    public async Task DeploymentTimeout_And_RequestTimeout_Are408()
    {
        await using var slow = await FakeProviderApp.StartAsync(configure: o => o.LatencyMs = 3000);
        await using var proxy = RoutedProxy.Start(
            "router_settings:\n  num_retries: 0\nmodel_list:\n" + Deployment("chat", "$A", ", timeout: 0.3") + Deployment("patient", "$A"), [slow]);

        var started = DateTime.UtcNow;
        using var byDeployment = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat"));
        var request = GatewayClientExtensions.Chat("patient");
        request["timeout"] = 0.3;
        using var byRequest = await proxy.Client.PostJsonAsync("/v1/chat/completions", request);

        await byDeployment.AssertOpenAIErrorAsync(408);
        await byRequest.AssertOpenAIErrorAsync(408);
        Assert.Equal("0.3", byDeployment.Header("x-litellm-timeout"));
        Assert.Equal("0.3", byRequest.Header("x-litellm-timeout"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2.5), $"took {DateTime.UtcNow - started}");
    }

    [Fact]
    public async Task StreamTimeout_BoundsTheSilenceBetweenChunks()
    {
        await using var stalling = await FakeProviderApp.StartAsync(configure: o => o.ChunkDelayMs = 1500);
        await using var proxy = RoutedProxy.Start(
            "router_settings:\n  num_retries: 0\n  stream_timeout: 0.4\nmodel_list:\n" + Deployment("chat", "$A"), [stalling]);

        var started = DateTime.UtcNow;
        using var response = await proxy.Client.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("chat", "tell me a long story", stream: true));
        var events = await response.ReadSseDataAsync();

        // The first chunk came before the fake stalled; the stall then ended the stream with an error event, not a hang.
        Assert.Contains(events, e => e.Contains("\"error\"", StringComparison.Ordinal) && e.Contains("Timeout", StringComparison.Ordinal));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1.4), $"took {DateTime.UtcNow - started}");
    }
}
